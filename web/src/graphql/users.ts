import { graphql } from '../generated/index.ts';

/** The signed-in user, read after login and after a reload restores the session. */
export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      team
    }
  }
`);

/** People who can be named commander (or action-item owner): enabled users, oldest first. */
export const PeopleQuery = graphql(`
  query People($first: Int!) {
    users(first: $first, filter: { disabled: false }) {
      nodes {
        id
        name
        email
        role
      }
    }
  }
`);

export const AdminUsersQuery = graphql(`
  query AdminUsers($first: Int!, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      nodes {
        ...AdminUser
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AdminUserFragment = graphql(`
  fragment AdminUser on User {
    id
    name
    email
    role
    team
    disabled
    hasPassword
    createdAt
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUser
    }
  }
`);

export const ChangeUserRoleMutation = graphql(`
  mutation ChangeUserRole($id: ID!, $role: Role!) {
    changeUserRole(id: $id, role: $role) {
      ...AdminUser
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...AdminUser
    }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      ...AdminUser
    }
  }
`);

export const ApiTokenFieldsFragment = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    role
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    revoked
    owner {
      id
      name
    }
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens($first: Int!, $after: String) {
    apiTokens(first: $first, after: $after) {
      nodes {
        ...ApiTokenFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenFields
    }
  }
`);
