import { CSP_EVENTS } from '@polystatus/contracts';
import { entityById, type StreamEvent, type SubscriptionSource } from '../source.ts';

/**
 * The csp domain's stream as `cspEventChanged` (declared in subgraphs/csp/subscriptions.graphql), what the
 * wallboard shows of providers' outages. Every csp event carries the provider and whether the event is open right
 * after the change (packages/contracts/src/csp.ts), so filters never need the graph.
 */
const KINDS: Record<string, string> = {
  [CSP_EVENTS.created]: 'CREATED',
  [CSP_EVENTS.updated]: 'UPDATED',
  [CSP_EVENTS.resolved]: 'RESOLVED',
  [CSP_EVENTS.incidentLinked]: 'INCIDENT_LINKED',
};

const providerOf = (e: StreamEvent) => String(e.envelope.data.providerId);
const activeOf = (e: StreamEvent) => e.envelope.data.active === true;

export const cspEventChanged: SubscriptionSource = {
  field: 'cspEventChanged',
  domain: 'csp',
  eventTypes: Object.keys(KINDS),
  access: { role: 'viewer' },
  matches(args, event) {
    const filter = (args.filter ?? {}) as { providers?: string[] | null; active?: boolean | null };
    if (filter.providers && !filter.providers.includes(providerOf(event))) return false;
    if (filter.active != null && filter.active !== activeOf(event)) return false;
    return true;
  },
  payload: (event, cursor) => ({
    cursor,
    kind: KINDS[event.envelope.type],
    at: event.envelope.at,
    eventId: event.envelope.subject,
    providerId: providerOf(event),
    active: activeOf(event),
  }),
  hydrate: { cspEvent: entityById('cspEvent', (e) => e.envelope.subject) },
};
