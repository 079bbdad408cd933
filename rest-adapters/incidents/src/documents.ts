import { defineOperation } from '@polystatus/rest-kit';
import type { IncidentNode, PostmortemNode, TimelineEventNode } from './mappers.ts';

/**
 * Every GraphQL operation the adapter sends, parsed once at start-up. Each asks for exactly the fields the REST
 * mappers read, so the REST shape and the graph query cannot drift apart unnoticed (a missing field is a type
 * error in the mapper).
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
    at
    system
  }
`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export const LIST_INCIDENTS = defineOperation<
  { incidents: { nodes: IncidentNode[]; pageInfo: PageInfo } },
  { filter: Record<string, unknown>; first: number; after?: string }
>(`
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

export const GET_INCIDENT = defineOperation<{ incident: IncidentNode | null }, { id: string }>(`
  query GetIncident($id: ID!) {
    incident(id: $id) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const CREATE_INCIDENT = defineOperation<
  { createIncident: IncidentNode },
  { input: { title: string; sev: number; services?: string[]; summary?: string; source?: string } }
>(`
  mutation CreateIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const UPDATE_INCIDENT = defineOperation<
  { updateIncident: IncidentNode },
  {
    id: string;
    input: { title?: string; sev?: number; services?: string[]; summary?: string };
    expectedVersion?: number;
  }
>(`
  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!, $expectedVersion: Int) {
    updateIncident(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const ASSIGN_COMMANDER = defineOperation<
  { assignCommander: IncidentNode },
  { id: string; commanderId: string; expectedVersion?: number }
>(`
  mutation AssignCommander($id: ID!, $commanderId: ID!, $expectedVersion: Int) {
    assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $expectedVersion) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const CHANGE_STATUS = defineOperation<
  { changeIncidentStatus: IncidentNode },
  { id: string; status: string; note?: string; expectedVersion?: number }
>(`
  mutation ChangeIncidentStatus($id: ID!, $status: IncidentStatus!, $note: String, $expectedVersion: Int) {
    changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {
      ...IncidentFields
    }
  }
  ${INCIDENT_FIELDS}
`);

export const ADD_TIMELINE_EVENT = defineOperation<
  { addTimelineEvent: TimelineEventNode },
  { incidentId: string; input: { type: string; message: string } }
>(`
  mutation AddTimelineEvent($incidentId: ID!, $input: TimelineNoteInput!) {
    addTimelineEvent(incidentId: $incidentId, input: $input) {
      ...TimelineEventFields
    }
  }
  ${TIMELINE_EVENT_FIELDS}
`);

export const INCIDENT_TIMELINE = defineOperation<
  { incident: { id: string; timeline: { nodes: TimelineEventNode[]; pageInfo: PageInfo } } | null },
  { id: string; first: number; after?: string }
>(`
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
  { submitPostmortem: PostmortemNode },
  {
    incidentId: string;
    input: {
      whatHappened: string;
      rootCause: string;
      impact?: string;
      lessonsLearned?: string;
      actionItems: { text: string; ownerId?: string | null; done: boolean }[];
    };
    expectedVersion?: number;
  }
>(`
  mutation SubmitPostmortem($incidentId: ID!, $input: PostmortemInput!, $expectedVersion: Int) {
    submitPostmortem(incidentId: $incidentId, input: $input, expectedVersion: $expectedVersion) {
      ...PostmortemFields
    }
  }
  ${POSTMORTEM_FIELDS}
`);

export const INCIDENT_POSTMORTEM = defineOperation<
  { incident: { id: string; postmortemHistory: PostmortemNode[] } | null },
  { id: string }
>(`
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
