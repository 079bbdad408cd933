import type { Cache, CacheExchangeOpts, Data } from '@urql/exchange-graphcache';
import { schema } from '../generated/schema.ts';
import {
  addFlag,
  invalidateOwnerLists,
  prependActionItem,
  refreshActionItemsOn,
  refreshFlagAudit,
  refreshKillSwitchesOn,
} from './cache-depth.ts';
import {
  appendToList,
  invalidateQueryField,
  placeCspEvent,
  prependAnnouncement,
  refreshDeliveries,
  removeFromList,
} from './cache-status.ts';

/**
 * The normalized cache's rules. Entities are keyed by `id` (the default) and the schema tells graphcache the
 * rest, so a payload that carries an incident (a subscription event, a mutation result) updates every query
 * that shows it. What the schema cannot say is list membership: which `incidents(filter:)` lists a changed
 * incident now belongs to, and which timeline a new entry joins. The updaters below decide that, so a new
 * incident appears and a status change moves it between lists without a refetch.
 *
 * Lists the app keeps live select `nodes` (not `edges`).
 */
interface IncidentLike {
  __typename?: 'Incident';
  id: string;
  status?: string;
  sev?: number;
  services?: string[];
  commanderId?: string | null;
  source?: string;
  startedAt?: string;
}

type FilterArgs = Partial<Record<'status' | 'sev' | 'service' | 'commander' | 'source' | 'q', unknown>>;

/** Whether an incident belongs in a list with this filter; `unknown` when the filter needs what the client lacks. */
export function matchesFilter(
  filter: FilterArgs | null | undefined,
  incident: IncidentLike,
): boolean | 'unknown' {
  if (!filter) return true;
  if (filter.q != null) return 'unknown';
  const checks: Array<[unknown, unknown]> = [
    [filter.status, incident.status],
    [filter.sev, incident.sev],
    [filter.commander, incident.commanderId],
    [filter.source, incident.source],
  ];
  for (const [wanted, actual] of checks) {
    if (wanted == null) continue;
    if (actual === undefined) return 'unknown';
    if (wanted !== actual) return false;
  }
  if (filter.service != null) {
    if (!incident.services) return 'unknown';
    return incident.services.includes(String(filter.service));
  }
  return true;
}

/** Adds or removes the incident in every cached `incidents` list, newest first like the server orders them. */
export function placeIncident(cache: Cache, incident: IncidentLike | null | undefined): void {
  if (!incident) return;
  const key = cache.keyOfEntity({ __typename: 'Incident', id: incident.id });
  if (!key) return;
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'incidents') continue;
    const list = cache.resolve('Query', field.fieldKey) as string | null;
    if (!list) continue;
    const nodes = (cache.resolve(list, 'nodes') as string[] | null) ?? [];
    const belongs = matchesFilter(field.arguments?.filter as FilterArgs | undefined, incident);
    if (belongs === 'unknown') {
      cache.invalidate('Query', field.fieldKey);
      continue;
    }
    const present = nodes.includes(key);
    if (belongs && !present) {
      const startedAt = (k: string) => String(cache.resolve(k, 'startedAt') ?? '');
      const next = [...nodes, key].sort((a, b) => startedAt(b).localeCompare(startedAt(a)));
      // A full first page stays its size: the incident that falls off is on the next page.
      const first = field.arguments?.first;
      cache.link(list, 'nodes', typeof first === 'number' ? next.slice(0, first) : next);
    } else if (!belongs && present) {
      cache.link(
        list,
        'nodes',
        nodes.filter((n) => n !== key),
      );
    }
  }
}

/**
 * Appends a timeline entry to the incident's last cached timeline page (the one without a next page), once:
 * the room's own mutation result and the subscription both deliver it.
 */
export function appendTimelineEvent(cache: Cache, incidentId: string, event: Data | null | undefined): void {
  if (!event) return;
  const eventKey = cache.keyOfEntity(event);
  const incident = { __typename: 'Incident', id: incidentId };
  if (!eventKey) return;
  for (const field of cache.inspectFields(incident)) {
    if (field.fieldName !== 'timeline') continue;
    const page = cache.resolve(incident, field.fieldKey) as string | null;
    if (!page) continue;
    const pageInfo = cache.resolve(page, 'pageInfo') as string | null;
    if (pageInfo && cache.resolve(pageInfo, 'hasNextPage') === true) continue;
    const nodes = (cache.resolve(page, 'nodes') as string[] | null) ?? [];
    if (nodes.includes(eventKey)) continue;
    cache.link(page, 'nodes', [...nodes, eventKey]);
  }
}

const invalidateLists = (cache: Cache, fieldName: string) => {
  for (const f of cache.inspectFields('Query'))
    if (f.fieldName === fieldName) cache.invalidate('Query', f.fieldKey);
};

const invalidateBanner = (cache: Cache) => {
  invalidateLists(cache, 'statusBanner');
  invalidateLists(cache, 'statusBannerHistory');
  invalidateLists(cache, 'publicBanner');
};

type Result<K extends string> = { [key in K]?: Data | null };

export const cacheOptions: CacheExchangeOpts = {
  schema,
  keys: {
    // Versions of one incident's postmortem; the incident links its current one.
    Postmortem: (p) => `${p.incidentId}:${p.version}`,
    SigningKey: (k) => String(k.kid),
    Flag: (f) => String(f.key),
    // Values, not entities: stored inside their parent.
    PostmortemActionItem: () => null,
    IncidentRoleAssignment: () => null,
    AcknowledgeResult: () => null,
    ActionItemConnection: () => null,
    ActionItemEdge: () => null,
    IncidentStats: () => null,
    IncidentStatsGroup: () => null,
    DurationStats: () => null,
    FlagEvaluation: () => null,
    FlagServe: () => null,
    FlagWeight: () => null,
    FlagRule: () => null,
    FlagCondition: () => null,
    FlagTarget: () => null,
    FlagWrite: () => null,
    FlagToggle: () => null,
    FlagChange: () => null,
    FlagAuditConnection: () => null,
    FlagAuditEdge: () => null,
    AuditDetail: () => null,
    AuthPayload: () => null,
    CreatedApiToken: () => null,
    IncidentChange: () => null,
    IncidentTimelineUpdate: () => null,
    PageInfo: () => null,
    IncidentConnection: () => null,
    IncidentEdge: () => null,
    TimelineConnection: () => null,
    TimelineEdge: () => null,
    UserConnection: () => null,
    UserEdge: () => null,
    ApiTokenConnection: () => null,
    ApiTokenEdge: () => null,
    AuditEntryConnection: () => null,
    AuditEntryEdge: () => null,
    // comms
    ComponentImpact: () => null,
    ComponentStatusChange: () => null,
    ComponentUptime: () => null,
    UptimeDay: () => null,
    MaintenanceUpdate: () => null,
    PublicStatus: () => null,
    PublicComponent: () => null,
    PublicIncident: () => null,
    PublicMaintenance: () => null,
    PublicStatusChange: () => null,
    AnnouncementPublished: () => null,
    WebhookDeliveryConnection: () => null,
    WebhookDeliveryEdge: () => null,
    CreatedWebhookEndpoint: () => null,
    RotatedWebhookSecret: () => null,
    EmailSubscriptionRequest: () => null,
    // csp
    CspComponent: () => null,
    CspFeedHealth: () => null,
    CspEventUpdate: () => null,
    CspEventConnection: () => null,
    CspEventEdge: () => null,
    CspRefreshResult: () => null,
    CspServiceDependency: () => null,
    CspCauseGraph: () => null,
    CspCauseNode: () => null,
    CspCauseEdge: () => null,
    CspCauseEvidence: () => null,
    CspEventChange: () => null,
    StatusBannerChange: (c) => String(c.cursor),
  },
  updates: {
    Subscription: {
      incidentChanged: (result, _args, cache) => {
        const change = (result as Result<'incidentChanged'>).incidentChanged as {
          incident?: IncidentLike;
        } | null;
        placeIncident(cache, change?.incident);
      },
      incidentTimeline: (result, _args, cache) => {
        const update = (result as Result<'incidentTimeline'>).incidentTimeline as {
          incidentId: string;
          event?: Data | null;
          incident?: IncidentLike | null;
        } | null;
        if (!update) return;
        appendTimelineEvent(cache, update.incidentId, update.event);
        refreshActionItemsOn(cache, update.incidentId, update.event);
        refreshKillSwitchesOn(cache, update.event);
        placeIncident(cache, update.incident);
      },
      flagChanged: (result, _args, cache) => {
        const change = (result as Result<'flagChanged'>).flagChanged as {
          key: string;
          flag?: Data | null;
        } | null;
        if (!change) return;
        addFlag(cache, change.flag);
        refreshFlagAudit(cache, change.key);
      },
      announcementPublished: (result, _args, cache) => {
        const published = (result as Result<'announcementPublished'>).announcementPublished as {
          announcement?: Data | null;
        } | null;
        prependAnnouncement(cache, published?.announcement);
      },
      cspEventChanged: (result, _args, cache) => {
        const change = (result as Result<'cspEventChanged'>).cspEventChanged as {
          cspEvent?: { id: string; providerId: string; active: boolean; incidentId?: string | null } | null;
        } | null;
        placeCspEvent(cache, change?.cspEvent);
      },
    },
    Mutation: {
      // The one manual banner and its history: read again after any change (a set replaces, a clear answers a
      // Boolean the cache cannot place).
      setStatusBanner: (_result, _args, cache) => invalidateBanner(cache),
      clearStatusBanner: (_result, _args, cache) => invalidateBanner(cache),
      createIncident: (result, _args, cache) =>
        placeIncident(cache, (result as Result<'createIncident'>).createIncident as IncidentLike | null),
      changeIncidentStatus: (result, _args, cache) =>
        placeIncident(
          cache,
          (result as Result<'changeIncidentStatus'>).changeIncidentStatus as IncidentLike | null,
        ),
      assignCommander: (result, _args, cache) =>
        placeIncident(cache, (result as Result<'assignCommander'>).assignCommander as IncidentLike | null),
      addTimelineEvent: (result, args, cache) =>
        appendTimelineEvent(
          cache,
          String(args.incidentId),
          (result as Result<'addTimelineEvent'>).addTimelineEvent,
        ),
      submitPostmortem: (result, args, cache) => {
        const postmortem = (result as Result<'submitPostmortem'>).submitPostmortem;
        if (postmortem)
          cache.link({ __typename: 'Incident', id: String(args.incidentId) }, 'postmortem', postmortem);
      },
      createActionItem: (result, args, cache) =>
        prependActionItem(
          cache,
          String(args.incidentId),
          (result as Result<'createActionItem'>).createActionItem,
        ),
      // Status and due date changes regroup on the client (features/action-items/owed.ts); a new owner moves the
      // item between people's lists, which only the server can tell.
      updateActionItem: (_result, args, cache) => {
        if ((args.input as { ownerId?: unknown } | undefined)?.ownerId !== undefined)
          invalidateOwnerLists(cache);
      },
      putFlag: (result, _args, cache) => {
        const write = (result as Result<'putFlag'>).putFlag as { flag?: Data | null } | null;
        addFlag(cache, write?.flag);
        if (write?.flag) refreshFlagAudit(cache, String(write.flag.key));
      },
      toggleFlag: (result, _args, cache) => {
        const toggle = (result as Result<'toggleFlag'>).toggleFlag as { flag?: Data | null } | null;
        if (toggle?.flag) refreshFlagAudit(cache, String(toggle.flag.key));
      },
      publishAnnouncement: (result, _args, cache) =>
        prependAnnouncement(cache, (result as Result<'publishAnnouncement'>).publishAnnouncement),
      createComponent: (_result, _args, cache) => invalidateQueryField(cache, 'components'),
      createComponentGroup: (_result, _args, cache) => invalidateQueryField(cache, 'componentGroups'),
      scheduleMaintenance: (_result, _args, cache) => invalidateQueryField(cache, 'maintenances'),
      createWebhookEndpoint: (result, _args, cache) => {
        const created = (result as Result<'createWebhookEndpoint'>).createWebhookEndpoint as {
          endpoint?: Data | null;
        } | null;
        appendToList(cache, 'webhookEndpoints', created?.endpoint);
      },
      deleteWebhookEndpoint: (_result, args, cache) =>
        removeFromList(cache, 'webhookEndpoints', { __typename: 'WebhookEndpoint', id: String(args.id) }),
      redeliverWebhookMessage: (_result, args, cache) => refreshDeliveries(cache, String(args.endpointId)),
      registerProvider: (result, _args, cache) =>
        appendToList(cache, 'providers', (result as Result<'registerProvider'>).registerProvider),
      setServiceDependencies: (_result, _args, cache) =>
        invalidateQueryField(cache, 'cspServiceDependencies'),
      createUser: (_result, _args, cache) => invalidateLists(cache, 'users'),
      createApiToken: (_result, _args, cache) => invalidateLists(cache, 'apiTokens'),
    },
  },
};
