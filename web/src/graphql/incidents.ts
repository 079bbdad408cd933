import { graphql } from '../generated/index.ts';

/**
 * Every operation the incident pages send. Lists and details select the same `IncidentCard` fields, so a
 * subscription payload that carries them (IncidentChange.incident) refreshes every view of that incident through
 * the normalized cache, without a refetch.
 */
export const IncidentCardFragment = graphql(`
  fragment IncidentCard on Incident {
    id
    title
    sev
    status
    services
    summary
    source
    startedAt
    mitigatedAt
    resolvedAt
    updatedAt
    version
    acknowledgedAt
    commanderId
    commander {
      id
      name
    }
  }
`);

export const TimelineEventFieldsFragment = graphql(`
  fragment TimelineEventFields on TimelineEvent {
    id
    incidentId
    type
    message
    at
    system
    authorId
    author {
      id
      name
    }
  }
`);

/** The dashboard: every incident still open or mitigated, and the latest resolved ones. */
export const DashboardQuery = graphql(`
  query Dashboard($first: Int!, $resolved: Int!) {
    open: incidents(filter: { status: OPEN }, first: $first) {
      nodes {
        ...IncidentCard
      }
      pageInfo {
        hasNextPage
      }
    }
    mitigated: incidents(filter: { status: MITIGATED }, first: $first) {
      nodes {
        ...IncidentCard
      }
      pageInfo {
        hasNextPage
      }
    }
    resolved: incidents(filter: { status: RESOLVED }, first: $resolved) {
      nodes {
        ...IncidentCard
      }
    }
  }
`);

/**
 * Every change to any incident. `$after` is kept current by the subscription exchange (the last `cursor`
 * received), so a reconnect resumes where the stream left off.
 */
export const IncidentChangedSubscription = graphql(`
  subscription IncidentChanged($after: String) {
    incidentChanged(after: $after) {
      cursor
      kind
      incidentId
      version
      incident {
        ...IncidentCard
      }
    }
  }
`);

export const IncidentRoomQuery = graphql(`
  query IncidentRoom($id: ID!) {
    incident(id: $id) {
      ...IncidentCard
      ...IncidentResponse
      createdBy {
        id
        name
      }
      postmortem {
        incidentId
        version
        whatHappened
        rootCause
        impact
        lessonsLearned
        editedAt
        editedBy {
          id
          name
        }
        actionItems {
          text
          ownerId
          done
          actionItemId
        }
      }
    }
  }
`);

/** The timeline, page by page (oldest first); the live subscription continues from the last page's last entry. */
export const TimelinePageQuery = graphql(`
  query TimelinePage($id: ID!, $first: Int!, $after: String) {
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
`);

export const IncidentTimelineSubscription = graphql(`
  subscription IncidentTimeline($incidentId: ID!, $after: String) {
    incidentTimeline(incidentId: $incidentId, after: $after) {
      cursor
      incidentId
      event {
        ...TimelineEventFields
      }
      incident {
        ...IncidentCard
        ...IncidentResponse
      }
    }
  }
`);

export const CreateIncidentMutation = graphql(`
  mutation CreateIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      ...IncidentCard
    }
  }
`);

export const AddTimelineEventMutation = graphql(`
  mutation AddTimelineEvent($incidentId: ID!, $input: TimelineNoteInput!) {
    addTimelineEvent(incidentId: $incidentId, input: $input) {
      ...TimelineEventFields
    }
  }
`);

export const ChangeIncidentStatusMutation = graphql(`
  mutation ChangeIncidentStatus($id: ID!, $status: IncidentStatus!, $note: String, $expectedVersion: Int) {
    changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {
      ...IncidentCard
    }
  }
`);

export const AssignCommanderMutation = graphql(`
  mutation AssignCommander($id: ID!, $commanderId: ID!, $expectedVersion: Int) {
    assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $expectedVersion) {
      ...IncidentCard
    }
  }
`);

export const SubmitPostmortemMutation = graphql(`
  mutation SubmitPostmortem($incidentId: ID!, $input: PostmortemInput!, $expectedVersion: Int) {
    submitPostmortem(incidentId: $incidentId, input: $input, expectedVersion: $expectedVersion) {
      incidentId
      version
      whatHappened
      rootCause
      impact
      lessonsLearned
      editedAt
      editedBy {
        id
        name
      }
      actionItems {
        text
        ownerId
        done
        actionItemId
      }
    }
  }
`);
