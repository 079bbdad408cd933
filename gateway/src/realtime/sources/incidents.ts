import { INCIDENT_EVENTS } from '@polystatus/contracts';
import { DomainError } from '@polystatus/kit';
import { entityById, type StreamEvent, type SubscriptionSource } from '../source.ts';
import { streamIdBefore } from '../stream-id.ts';

/**
 * The incidents domain's stream as two subscriptions, declared in subgraphs/incidents/subscriptions.graphql.
 * Both read `<prefix>:incidents:events`; every event there carries `incidentId`, `version` and
 * `timelineEntryId` (the timeline entry the change recorded), as the incidents contract says.
 */
const CHANGE_KINDS: Record<string, string> = {
  [INCIDENT_EVENTS.created]: 'CREATED',
  [INCIDENT_EVENTS.updated]: 'UPDATED',
  [INCIDENT_EVENTS.statusChanged]: 'STATUS_CHANGED',
  [INCIDENT_EVENTS.commanderAssigned]: 'COMMANDER_ASSIGNED',
  [INCIDENT_EVENTS.postmortemSubmitted]: 'POSTMORTEM_SUBMITTED',
  [INCIDENT_EVENTS.acknowledged]: 'ACKNOWLEDGED',
  [INCIDENT_EVENTS.roleAssigned]: 'ROLE_ASSIGNED',
  [INCIDENT_EVENTS.roleUnassigned]: 'ROLE_UNASSIGNED',
  [INCIDENT_EVENTS.actionItemCreated]: 'ACTION_ITEM_CREATED',
  [INCIDENT_EVENTS.actionItemUpdated]: 'ACTION_ITEM_UPDATED',
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
  domain: 'incidents',
  eventTypes: Object.values(INCIDENT_EVENTS),
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
            type: INCIDENT_EVENTS.timelineEventAdded,
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
