import { graphql } from '../generated/index.ts';

/**
 * Incident response in depth (issue 11): acknowledgement, response roles, tracked action items and the MTTA/MTTR
 * figures. The room's query, its live timeline subscription and these mutations all select `IncidentResponse`,
 * so an acknowledgement or a role change made anywhere refreshes the room through the normalized cache.
 */
export const IncidentResponseFragment = graphql(`
  fragment IncidentResponse on Incident {
    id
    acknowledgedAt
    acknowledgedBy {
      id
      name
    }
    roles {
      role
      userId
      user {
        id
        name
      }
      assignedAt
    }
  }
`);

export const ActionItemFieldsFragment = graphql(`
  fragment ActionItemFields on ActionItem {
    id
    incidentId
    text
    ownerId
    owner {
      id
      name
    }
    dueDate
    status
    overdue
    createdAt
    updatedAt
    version
  }
`);

export const AcknowledgeIncidentMutation = graphql(`
  mutation AcknowledgeIncident($id: ID!) {
    acknowledgeIncident(id: $id) {
      acknowledged
      incident {
        ...IncidentCard
        ...IncidentResponse
      }
    }
  }
`);

export const AssignIncidentRoleMutation = graphql(`
  mutation AssignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {
    assignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {
      ...IncidentCard
      ...IncidentResponse
    }
  }
`);

export const UnassignIncidentRoleMutation = graphql(`
  mutation UnassignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {
    unassignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {
      ...IncidentCard
      ...IncidentResponse
    }
  }
`);

/** An incident's action items, newest first (the panel shows them all; incidents rarely have more than a page). */
export const IncidentActionItemsQuery = graphql(`
  query IncidentActionItems($id: ID!, $first: Int!) {
    incident(id: $id) {
      id
      actionItems(first: $first) {
        nodes {
          ...ActionItemFields
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

export const CreateActionItemMutation = graphql(`
  mutation CreateActionItem($incidentId: ID!, $input: CreateActionItemInput!) {
    createActionItem(incidentId: $incidentId, input: $input) {
      ...ActionItemFields
    }
  }
`);

export const UpdateActionItemMutation = graphql(`
  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!, $expectedVersion: Int) {
    updateActionItem(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...ActionItemFields
    }
  }
`);

/**
 * What the signed-in user owes: the overdue items, the open and in-progress ones, and the latest closed ones. The
 * page merges them by id and sorts them itself, so an item whose status changes moves without a refetch.
 */
export const MyActionItemsQuery = graphql(`
  query MyActionItems($first: Int!, $closed: Int!) {
    me {
      id
      overdue: actionItems(overdue: true, first: $first) {
        nodes {
          ...MyActionItem
        }
        pageInfo {
          hasNextPage
        }
      }
      open: actionItems(status: OPEN, first: $first) {
        nodes {
          ...MyActionItem
        }
        pageInfo {
          hasNextPage
        }
      }
      inProgress: actionItems(status: IN_PROGRESS, first: $first) {
        nodes {
          ...MyActionItem
        }
        pageInfo {
          hasNextPage
        }
      }
      done: actionItems(status: DONE, first: $closed) {
        nodes {
          ...MyActionItem
        }
      }
    }
  }
`);

export const MyActionItemFragment = graphql(`
  fragment MyActionItem on ActionItem {
    ...ActionItemFields
    incident {
      id
      title
      sev
      status
    }
  }
`);

export const StatsGroupFieldsFragment = graphql(`
  fragment StatsGroupFields on IncidentStatsGroup {
    key
    count
    openAtEnd
    timeToAcknowledge {
      count
      median
      p90
    }
    timeToResolve {
      count
      median
      p90
    }
  }
`);

/** MTTA and MTTR of the incidents started in [from, to), in total and per severity. */
export const IncidentStatsQuery = graphql(`
  query IncidentStats($from: DateTime!, $to: DateTime!) {
    incidentStats(from: $from, to: $to, groupBy: SEV) {
      from
      to
      total {
        ...StatsGroupFields
      }
      groups {
        ...StatsGroupFields
      }
    }
  }
`);
