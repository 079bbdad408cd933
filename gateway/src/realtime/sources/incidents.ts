import { DomainError } from '@polystatus/kit';
import { entityById, type StreamEvent, type SubscriptionSource } from '../source.ts';
import { streamIdBefore } from '../stream-id.ts';

/**
 * The incidents domain's stream as two subscriptions. Both read `<prefix>:incidents:events`; every event there
 * carries `incidentId`, `version` and `timelineEntryId` (the timeline entry the change recorded).
 */
const CHANGE_KINDS: Record<string, string> = {
  'incident.created': 'CREATED',
  'incident.updated': 'UPDATED',
  'incident.status_changed': 'STATUS_CHANGED',
  'incident.commander_assigned': 'COMMANDER_ASSIGNED',
  'incident.postmortem_submitted': 'POSTMORTEM_SUBMITTED',
};

const incidentOf = (e: StreamEvent) => e.envelope.subject;
const timelineEntryOf = (e: StreamEvent): string | null => {
  const id = e.envelope.data.timelineEntryId;
  return typeof id === 'string' && id ? id : null;
};

/**
 * Every change to incidents, as wallboards want them. `after` is the incidents event stream id (`cursor`):
 * resuming replays the stream from there.
 */
export const incidentChanged: SubscriptionSource = {
  field: 'incidentChanged',
  fieldSdl: `"""
  Each change to an incident: created, edited, status, commander, postmortem. Requires viewer.
  \`after\`: the \`cursor\` of the last change received; the changes since then are sent first.
  """
  incidentChanged(filter: IncidentChangeFilter, after: String): IncidentChange!`,
  typeSdl: `
enum IncidentChangeKind {
  CREATED
  UPDATED
  STATUS_CHANGED
  COMMANDER_ASSIGNED
  POSTMORTEM_SUBMITTED
}

input IncidentChangeFilter {
  """Only changes to these incidents."""
  incidentIds: [ID!]
  """Only these kinds of change."""
  kinds: [IncidentChangeKind!]
}

type IncidentChange {
  """Where this change sits in the incidents event stream; pass it back as \`after\` to resume."""
  cursor: String!
  kind: IncidentChangeKind!
  at: DateTime!
  actorId: ID!
  incidentId: ID!
  """The incident's version right after this change."""
  version: Int!
  """The incident as the graph shows it when the change is delivered; null if it can no longer be read."""
  incident: Incident
}`,
  domain: 'incidents',
  eventTypes: Object.keys(CHANGE_KINDS),
  access: { role: 'viewer' },
  matches(args, event) {
    const filter = (args.filter ?? {}) as { incidentIds?: string[] | null; kinds?: string[] | null };
    if (filter.incidentIds && !filter.incidentIds.includes(incidentOf(event))) return false;
    if (filter.kinds && !filter.kinds.includes(CHANGE_KINDS[event.envelope.type]!)) return false;
    return true;
  },
  payload: (event, cursor) => ({
    cursor,
    kind: CHANGE_KINDS[event.envelope.type],
    at: event.envelope.at,
    actorId: event.envelope.actor,
    incidentId: incidentOf(event),
    version: event.envelope.data.version,
  }),
  hydrate: { incident: entityById('incident', incidentOf) },
};

const TIMELINE_PAGE = 100;
const TIMELINE_PAGE_QUERY = `query RealtimeTimelineReplay($id: ID!, $after: String, $first: Int) {
  incident(id: $id) { timeline(after: $after, first: $first) { nodes { id at authorId } pageInfo { hasNextPage endCursor } } }
}`;

interface TimelinePage {
  incident: {
    timeline: {
      nodes: { id: string; at: string; authorId: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

/**
 * One incident's timeline as it grows. Every incident event records a timeline entry, so every event type is
 * listened to and the entry id (`timelineEntryId`) is the cursor: the same id `Incident.timeline(after:)`
 * takes, so resuming asks the graph for the entries after it rather than scanning the domain stream.
 */
export const incidentTimeline: SubscriptionSource = {
  field: 'incidentTimeline',
  fieldSdl: `"""
  Each new entry on an incident's timeline. Requires viewer.
  \`after\`: the \`cursor\` (timeline entry id) of the last entry received; the entries since then are sent first.
  """
  incidentTimeline(incidentId: ID!, after: String): IncidentTimelineUpdate!`,
  typeSdl: `
type IncidentTimelineUpdate {
  """The timeline entry id; pass it back as \`after\` to resume, as with \`Incident.timeline(after:)\`."""
  cursor: String!
  incidentId: ID!
  """The new entry."""
  event: TimelineEvent
  """The incident as the graph shows it when the entry is delivered."""
  incident: Incident
}`,
  domain: 'incidents',
  eventTypes: [...Object.keys(CHANGE_KINDS), 'incident.timeline_event_added'],
  access: { role: 'viewer' },
  route: { args: (args) => String(args.incidentId), event: incidentOf },
  matches: (args, event) => incidentOf(event) === args.incidentId,
  cursor: timelineEntryOf,
  payload: (event, cursor) => ({ cursor, incidentId: incidentOf(event) }),
  hydrate: {
    incident: entityById('incident', incidentOf),
    // The one entry, read forward from just before it: the graph pages timelines only from an exclusive cursor.
    event: [
      { field: 'incident', args: { id: incidentOf } },
      { field: 'timeline', args: { after: (e) => streamIdBefore(timelineEntryOf(e)!), first: () => 1 } },
      { field: 'nodes', index: 0 },
    ],
  },
  async *replay(args, after, ctx) {
    const incidentId = String(args.incidentId);
    let cursor: string | null = after;
    while (cursor !== null) {
      const page = await ctx.query(TIMELINE_PAGE_QUERY, {
        id: incidentId,
        after: cursor,
        first: TIMELINE_PAGE,
      });
      if (page.errors?.length)
        throw new DomainError('UNAVAILABLE', `timeline replay: ${page.errors[0]!.message}`);
      const timeline = (page.data as TimelinePage | null)?.incident?.timeline;
      if (!timeline) return;
      for (const node of timeline.nodes) {
        yield {
          domain: 'incidents',
          streamId: node.id,
          envelope: {
            id: `timeline:${node.id}`,
            type: 'incident.timeline_event_added',
            at: node.at,
            actor: node.authorId,
            subject: incidentId,
            data: { incidentId, timelineEntryId: node.id },
          },
        };
      }
      cursor = timeline.pageInfo.hasNextPage ? timeline.pageInfo.endCursor : null;
    }
  },
};
