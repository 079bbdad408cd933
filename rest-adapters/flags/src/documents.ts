import { defineOperation } from '@polystatus/kit';
import type * as Op from './generated/operations.ts';

/**
 * Every GraphQL operation the adapter sends, each asking for exactly what the REST mappers read. Types come
 * from `npm run codegen` (generated/operations.ts); documents.test.ts validates them against the client schema.
 */
const FLAG_FIELDS = /* GraphQL */ `
  fragment FlagFields on Flag {
    key
    on
    kind
    variations
    offVariation
    fallthrough {
      variation
      rollout {
        variation
        weight
      }
    }
    rules {
      if {
        attr
        op
        values
      }
      serve {
        variation
        rollout {
          variation
          weight
        }
      }
    }
    targets {
      user
      variation
    }
    description
    version
    createdAt
    updatedAt
    updatedById
  }
`;

export const EVALUATE_FLAGS = defineOperation<
  Op.EvaluateFlagsQuery,
  Op.EvaluateFlagsQueryVariables
>(/* GraphQL */ `
  query EvaluateFlags($user: String!, $role: String) {
    evaluateFlags(user: $user, role: $role) {
      key
      variation
      off
      reason
    }
  }
`);

export const LIST_FLAGS = defineOperation<Op.ListFlagsQuery, Op.ListFlagsQueryVariables>(/* GraphQL */ `
  query ListFlags {
    flags {
      ...FlagFields
    }
  }
  ${FLAG_FIELDS}
`);

export const PUT_FLAG = defineOperation<Op.PutFlagMutation, Op.PutFlagMutationVariables>(/* GraphQL */ `
  mutation PutFlag($input: FlagInput!, $expectedVersion: Int) {
    putFlag(input: $input, expectedVersion: $expectedVersion) {
      created
      flag {
        ...FlagFields
      }
    }
  }
  ${FLAG_FIELDS}
`);

export const TOGGLE_FLAG = defineOperation<
  Op.ToggleFlagMutation,
  Op.ToggleFlagMutationVariables
>(/* GraphQL */ `
  mutation ToggleFlag($key: ID!, $on: Boolean!, $incidentId: ID) {
    toggleFlag(key: $key, on: $on, incidentId: $incidentId) {
      changed
      incidentId
      timelineEntryId
      timelineError
      flag {
        ...FlagFields
      }
    }
  }
  ${FLAG_FIELDS}
`);

export const FLAG_AUDIT = defineOperation<Op.FlagAuditQuery, Op.FlagAuditQueryVariables>(/* GraphQL */ `
  query FlagAudit($key: ID!, $first: Int, $after: String) {
    flag(key: $key) {
      audit(first: $first, after: $after) {
        nodes {
          id
          flagKey
          action
          actorId
          at
          incidentId
          before
          after
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
