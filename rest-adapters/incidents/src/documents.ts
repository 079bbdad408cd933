import { defineOperation } from '@polystatus/kit';
import type * as Op from './generated/operations.ts';

/**
 * Every GraphQL operation the adapter sends, parsed once at start-up. Each asks for exactly the fields the REST
 * mappers read, so the REST shape and the graph query cannot drift apart unnoticed (a missing field is a type
 * error in the mapper). The result and variable types come from `npm run codegen` (generated/operations.ts),
 * which reads these strings by their GraphQL comment and validates them against the client schema;
 * documents.test.ts validates what is sent.
 */
const INCIDENT_FIELDS = /* GraphQL */ `
  fragment IncidentFields on Incident {
    id
    title
    sev
    services
    summary
    status
    source
    startedAt
    mitigatedAt
    resolvedAt
    updatedAt
    commanderId
    createdById
    acknowledgedAt
    acknowledgedById
    version
  }
`;

const POSTMORTEM_FIELDS = /* GraphQL */ `
  fragment PostmortemFields on Postmortem {
    incidentId
    version
    whatHappened
    rootCause
    impact
    lessonsLearned
    actionItems {
      text
      ownerId
      done
    }
    editedById
    editedAt
  }
`;

const TIMELINE_EVENT_FIELDS = /* GraphQL */ `
  fragment TimelineEventFields on TimelineEvent {
    id
    incidentId
    type
    message
    authorId
    subjectId
    at
    system
  }
`;

export const LIST_INCIDENTS = defineOperation<
  Op.ListIncidentsQuery,
  Op.ListIncidentsQueryVariables
>(/* GraphQL */ `
  query ListIncidents($filter: IncidentFilter, $first: Int, $after: String) {
    incidents(filter: $filter, first: $first, after: $after) {
      nodes {
        ...IncidentFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${INCIDENT_FIELDS}
`);

export const GET_INCIDENT = defineOperation<Op.GetIncidentQuery, Op.GetIncidentQueryVariables>(/* GraphQL */ `
  query GetIncident($id: ID!) {
    incident(id: $id) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const CREATE_INCIDENT = defineOperation<
  Op.CreateIncidentMutation,
  Op.CreateIncidentMutationVariables
>(/* GraphQL */ `
  mutation CreateIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const UPDATE_INCIDENT = defineOperation<
  Op.UpdateIncidentMutation,
  Op.UpdateIncidentMutationVariables
>(/* GraphQL */ `
  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!, $expectedVersion: Int) {
    updateIncident(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const ASSIGN_COMMANDER = defineOperation<
  Op.AssignCommanderMutation,
  Op.AssignCommanderMutationVariables
>(/* GraphQL */ `
  mutation AssignCommander($id: ID!, $commanderId: ID!, $expectedVersion: Int) {
    assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $expectedVersion) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const CHANGE_STATUS = defineOperation<
  Op.ChangeIncidentStatusMutation,
  Op.ChangeIncidentStatusMutationVariables
>(/* GraphQL */ `
  mutation ChangeIncidentStatus($id: ID!, $status: IncidentStatus!, $note: String, $expectedVersion: Int) {
    changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const ADD_TIMELINE_EVENT = defineOperation<
  Op.AddTimelineEventMutation,
  Op.AddTimelineEventMutationVariables
>(/* GraphQL */ `
  mutation AddTimelineEvent($incidentId: ID!, $input: TimelineNoteInput!) {
    addTimelineEvent(incidentId: $incidentId, input: $input) {
      ...TimelineEventFields
    }
  }
  ${TIMELINE_EVENT_FIELDS}
`);

export const INCIDENT_TIMELINE = defineOperation<
  Op.IncidentTimelineQuery,
  Op.IncidentTimelineQueryVariables
>(/* GraphQL */ `
  query IncidentTimeline($id: ID!, $first: Int, $after: String) {
    incident(id: $id) {
      id
      timeline(first: $first, after: $after) {
        nodes {
          ...TimelineEventFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
  ${TIMELINE_EVENT_FIELDS}
`);

export const SUBMIT_POSTMORTEM = defineOperation<
  Op.SubmitPostmortemMutation,
  Op.SubmitPostmortemMutationVariables
>(/* GraphQL */ `
  mutation SubmitPostmortem($incidentId: ID!, $input: PostmortemInput!, $expectedVersion: Int) {
    submitPostmortem(incidentId: $incidentId, input: $input, expectedVersion: $expectedVersion) {
      ...PostmortemFields
    }
  }
  ${POSTMORTEM_FIELDS}
`);

export const INCIDENT_POSTMORTEM = defineOperation<
  Op.IncidentPostmortemQuery,
  Op.IncidentPostmortemQueryVariables
>(/* GraphQL */ `
  query IncidentPostmortem($id: ID!) {
    incident(id: $id) {
      id
      postmortemHistory {
        ...PostmortemFields
      }
    }
  }
  ${POSTMORTEM_FIELDS}
`);

const ROLE_ASSIGNMENT_FIELDS = /* GraphQL */ `
  fragment RoleAssignmentFields on IncidentRoleAssignment {
    role
    userId
    assignedAt
    assignedById
  }
`;

const ACTION_ITEM_FIELDS = /* GraphQL */ `
  fragment ActionItemFields on ActionItem {
    id
    incidentId
    text
    ownerId
    dueDate
    status
    overdue
    createdById
    createdAt
    updatedAt
    version
  }
`;

const STATS_GROUP_FIELDS = /* GraphQL */ `
  fragment StatsGroupFields on IncidentStatsGroup {
    key
    count
    openAtEnd
    timeToAcknowledge {
      ...DurationFields
    }
    timeToResolve {
      ...DurationFields
    }
  }
  fragment DurationFields on DurationStats {
    count
    median
    p90
    mean
  }
`;

export const ACKNOWLEDGE_INCIDENT = defineOperation<
  Op.AcknowledgeIncidentMutation,
  Op.AcknowledgeIncidentMutationVariables
>(/* GraphQL */ `
  mutation AcknowledgeIncident($id: ID!) {
    acknowledgeIncident(id: $id) {
      acknowledged
      incident {
        ...IncidentFields
      }
    }
  }
  ${INCIDENT_FIELDS}
`);

export const INCIDENT_ROLES = defineOperation<
  Op.IncidentRolesQuery,
  Op.IncidentRolesQueryVariables
>(/* GraphQL */ `
  query IncidentRoles($id: ID!) {
    incident(id: $id) {
      id
      roles {
        ...RoleAssignmentFields
      }
    }
  }
  ${ROLE_ASSIGNMENT_FIELDS}
`);

export const ASSIGN_INCIDENT_ROLE = defineOperation<
  Op.AssignIncidentRoleMutation,
  Op.AssignIncidentRoleMutationVariables
>(/* GraphQL */ `
  mutation AssignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {
    assignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {
      id
      roles {
        ...RoleAssignmentFields
      }
    }
  }
  ${ROLE_ASSIGNMENT_FIELDS}
`);

export const UNASSIGN_INCIDENT_ROLE = defineOperation<
  Op.UnassignIncidentRoleMutation,
  Op.UnassignIncidentRoleMutationVariables
>(/* GraphQL */ `
  mutation UnassignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {
    unassignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {
      id
      roles {
        ...RoleAssignmentFields
      }
    }
  }
  ${ROLE_ASSIGNMENT_FIELDS}
`);

export const LIST_ACTION_ITEMS = defineOperation<
  Op.ListActionItemsQuery,
  Op.ListActionItemsQueryVariables
>(/* GraphQL */ `
  query ListActionItems($filter: ActionItemFilter, $first: Int, $after: String) {
    actionItems(filter: $filter, first: $first, after: $after) {
      nodes {
        ...ActionItemFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${ACTION_ITEM_FIELDS}
`);

export const GET_ACTION_ITEM = defineOperation<
  Op.GetActionItemQuery,
  Op.GetActionItemQueryVariables
>(/* GraphQL */ `
  query GetActionItem($id: ID!) {
    actionItem(id: $id) {
      ...ActionItemFields
    }
  }
  ${ACTION_ITEM_FIELDS}
`);

export const CREATE_ACTION_ITEM = defineOperation<
  Op.CreateActionItemMutation,
  Op.CreateActionItemMutationVariables
>(/* GraphQL */ `
  mutation CreateActionItem($incidentId: ID!, $input: CreateActionItemInput!) {
    createActionItem(incidentId: $incidentId, input: $input) {
      ...ActionItemFields
    }
  }
  ${ACTION_ITEM_FIELDS}
`);

export const UPDATE_ACTION_ITEM = defineOperation<
  Op.UpdateActionItemMutation,
  Op.UpdateActionItemMutationVariables
>(/* GraphQL */ `
  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!, $expectedVersion: Int) {
    updateActionItem(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...ActionItemFields
    }
  }
  ${ACTION_ITEM_FIELDS}
`);

export const INCIDENT_STATS = defineOperation<
  Op.IncidentStatsQuery,
  Op.IncidentStatsQueryVariables
>(/* GraphQL */ `
  query IncidentStats($from: DateTime!, $to: DateTime!, $groupBy: IncidentStatsGroupBy) {
    incidentStats(from: $from, to: $to, groupBy: $groupBy) {
      from
      to
      groupBy
      total {
        ...StatsGroupFields
      }
      groups {
        ...StatsGroupFields
      }
    }
  }
  ${STATS_GROUP_FIELDS}
`);
