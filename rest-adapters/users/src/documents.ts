import { defineOperation } from '@polystatus/kit';
import type * as Op from './generated/operations.ts';

/**
 * Every GraphQL operation the adapter sends, parsed once at start-up; each selects exactly what the mappers read.
 * The result and variable types come from `npm run codegen` (generated/operations.ts), which reads these strings
 * by their GraphQL comment and validates them against the client schema; documents.test.ts validates what is sent.
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

const AUDIT_ENTRY_FIELDS = /* GraphQL */ `
  fragment AuditEntryFields on AuditEntry {
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
`;

export const LIST_USERS = defineOperation<Op.ListUsersQuery, Op.ListUsersQueryVariables>(/* GraphQL */ `
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

export const GET_USER = defineOperation<Op.GetUserQuery, Op.GetUserQueryVariables>(/* GraphQL */ `
  query GetUser($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const ME = defineOperation<Op.MeQuery, Op.MeQueryVariables>(/* GraphQL */ `
  query Me {
    me {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const CREATE_USER = defineOperation<
  Op.CreateUserMutation,
  Op.CreateUserMutationVariables
>(/* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const UPDATE_USER = defineOperation<
  Op.UpdateUserMutation,
  Op.UpdateUserMutationVariables
>(/* GraphQL */ `
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const DISABLE_USER = defineOperation<
  Op.DisableUserMutation,
  Op.DisableUserMutationVariables
>(/* GraphQL */ `
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const ENABLE_USER = defineOperation<
  Op.EnableUserMutation,
  Op.EnableUserMutationVariables
>(/* GraphQL */ `
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`);

export const LOGIN = defineOperation<Op.LoginMutation, Op.LoginMutationVariables>(/* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...SessionFields
    }
  }
  ${SESSION_FIELDS}
`);

export const REFRESH_SESSION = defineOperation<
  Op.RefreshSessionMutation,
  Op.RefreshSessionMutationVariables
>(/* GraphQL */ `
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
  ${SESSION_FIELDS}
`);

export const LOGOUT = defineOperation<Op.LogoutMutation, Op.LogoutMutationVariables>(/* GraphQL */ `
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export const LIST_API_TOKENS = defineOperation<
  Op.ListApiTokensQuery,
  Op.ListApiTokensQueryVariables
>(/* GraphQL */ `
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
  Op.CreateApiTokenMutation,
  Op.CreateApiTokenMutationVariables
>(/* GraphQL */ `
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

export const REVOKE_API_TOKEN = defineOperation<
  Op.RevokeApiTokenMutation,
  Op.RevokeApiTokenMutationVariables
>(/* GraphQL */ `
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...TokenFields
    }
  }
  ${TOKEN_FIELDS}
`);

export const AUDIT_LOG = defineOperation<Op.AuditLogQuery, Op.AuditLogQueryVariables>(/* GraphQL */ `
  query AuditLog($first: Int, $after: String) {
    auditLog(first: $first, after: $after) {
      nodes {
        ...AuditEntryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${AUDIT_ENTRY_FIELDS}
`);
