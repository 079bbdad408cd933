import { defineOperation } from '@polystatus/rest-kit';
import type { ApiTokenNode, AuditEntryNode, AuthPayloadNode, PageInfo, UserNode } from './mappers.ts';

/**
 * Every GraphQL operation the adapter sends, parsed once at start-up; each selects exactly what the mappers read.
 */
const USER_FIELDS = /* GraphQL */ `
  fragment UserFields on User {
    id
    name
    email
    role
    team
    createdAt
    disabled
  }
`;

const SESSION_FIELDS = /* GraphQL */ `
  fragment SessionFields on AuthPayload {
    accessToken
    refreshToken
    expiresIn
    tokenType
    user {
      id
    }
  }
`;

const TOKEN_FIELDS = /* GraphQL */ `
  fragment TokenFields on ApiToken {
    id
    name
    prefix
    role
    ownerId
    createdAt
    expiresAt
    lastUsedAt
    revoked
  }
`;

type Page = { first: number; after?: string };

export const LIST_USERS = defineOperation<{ users: { nodes: UserNode[]; pageInfo: PageInfo } }, Page>(`
  query ListUsers($first: Int, $after: String) {
    users(first: $first, after: $after) {
      nodes {
        ...UserFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${USER_FIELDS}
`);

export const GET_USER = defineOperation<{ user: UserNode | null }, { id: string }>(`
  query GetUser($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const ME = defineOperation<{ me: UserNode | null }>(`
  query Me {
    me {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const CREATE_USER = defineOperation<{ createUser: UserNode }, { input: Record<string, unknown> }>(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const UPDATE_USER = defineOperation<
  { updateUser: UserNode },
  { id: string; input: Record<string, unknown> }
>(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const DISABLE_USER = defineOperation<{ disableUser: UserNode }, { id: string }>(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const ENABLE_USER = defineOperation<{ enableUser: UserNode }, { id: string }>(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const LOGIN = defineOperation<{ login: AuthPayloadNode }, { email: string; password: string }>(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...SessionFields
    }
  }
  ${SESSION_FIELDS}
`);

export const REFRESH_SESSION = defineOperation<
  { refreshSession: AuthPayloadNode },
  { refreshToken: string }
>(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
  ${SESSION_FIELDS}
`);

export const LOGOUT = defineOperation<{ logout: boolean }, { refreshToken: string }>(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export const LIST_API_TOKENS = defineOperation<
  { apiTokens: { nodes: ApiTokenNode[]; pageInfo: PageInfo } },
  Page
>(`
  query ListApiTokens($first: Int, $after: String) {
    apiTokens(first: $first, after: $after) {
      nodes {
        ...TokenFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${TOKEN_FIELDS}
`);

export const CREATE_API_TOKEN = defineOperation<
  { createApiToken: { token: string; apiToken: ApiTokenNode } },
  { input: { name: string; role: string; expiresAt?: string } }
>(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...TokenFields
      }
    }
  }
  ${TOKEN_FIELDS}
`);

export const REVOKE_API_TOKEN = defineOperation<{ revokeApiToken: ApiTokenNode }, { id: string }>(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...TokenFields
    }
  }
  ${TOKEN_FIELDS}
`);

export const AUDIT_LOG = defineOperation<
  { auditLog: { nodes: AuditEntryNode[]; pageInfo: PageInfo } },
  Page
>(`
  query AuditLog($first: Int, $after: String) {
    auditLog(first: $first, after: $after) {
      nodes {
        id
        type
        at
        actorId
        subjectId
        ip
        details {
          key
          value
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
