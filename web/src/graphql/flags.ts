import { graphql } from '../generated/index.ts';

/**
 * The flags admin page and the incident room's kill switches. Flags are normalized by `key` (src/lib/cache.ts),
 * so a `flagChanged` payload, a toggle and an edit all refresh the same row.
 */
export const FlagFieldsFragment = graphql(`
  fragment FlagFields on Flag {
    key
    on
    kind
    description
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
    version
    createdAt
    updatedAt
    updatedById
  }
`);

export const FlagsQuery = graphql(`
  query Flags {
    flags {
      ...FlagFields
    }
  }
`);

/** Every change to every flag, live (admin); the cache updater adds flags created elsewhere to the list. */
export const FlagChangedSubscription = graphql(`
  subscription FlagChanged($after: String) {
    flagChanged(after: $after) {
      cursor
      key
      action
      at
      actorId
      on
      version
      incidentId
      flag {
        ...FlagFields
      }
    }
  }
`);

export const FlagAuditQuery = graphql(`
  query FlagAudit($key: ID!, $first: Int!, $after: String) {
    flag(key: $key) {
      key
      audit(first: $first, after: $after) {
        nodes {
          id
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

export const PutFlagMutation = graphql(`
  mutation PutFlag($input: FlagInput!, $expectedVersion: Int) {
    putFlag(input: $input, expectedVersion: $expectedVersion) {
      created
      flag {
        ...FlagFields
      }
    }
  }
`);

export const ToggleFlagMutation = graphql(`
  mutation ToggleFlag($key: ID!, $on: Boolean!) {
    toggleFlag(key: $key, on: $on) {
      changed
      flag {
        key
        on
        version
        updatedAt
        updatedById
      }
    }
  }
`);

/**
 * The flags as the signed-in user sees them evaluated: what a responder (who may not list flag definitions) needs
 * to pull a kill switch: each key and whether it is switched off.
 */
export const KillSwitchesQuery = graphql(`
  query KillSwitches {
    me {
      id
      flags {
        key
        variation
        off
      }
    }
  }
`);

/** A kill switch: the toggle is audited with the incident and recorded as a MITIGATION entry on its timeline. */
export const KillSwitchMutation = graphql(`
  mutation KillSwitch($key: ID!, $on: Boolean!, $incidentId: ID!) {
    toggleFlag(key: $key, on: $on, incidentId: $incidentId) {
      changed
      incidentId
      timelineEntryId
      timelineError
      flag {
        key
        on
        version
      }
    }
  }
`);
