import { domainEventStream } from '@polystatus/kit';
import type { ActionItemStatus } from './domain/action-item.ts';
import type { Source, Status } from './domain/incident.ts';

/**
 * Every Redis key of the incidents domain. Nothing else builds key strings: the Lua scripts that must derive an
 * index key from a value they read (the old status of an incident, the trigrams of its old title) receive the
 * prefixes below in `keyspace()` and only append the value.
 *
 * Layout under `<prefix>:incidents`:
 *   seq                       string  last sequence number handed out (INCR); orders incidents newest first
 *   incident:<id>             hash    one incident (see store/record.ts for its fields)
 *   timeline:<id>             stream  the incident's timeline, oldest first
 *   postmortem:<id>           list    every submitted postmortem version, JSON, oldest first
 *   events                    stream  domain events (kit envelope), capped
 *   idx:all                   zset    every incident, score = seq
 *   idx:status:<status>       zset    by status (open, mitigated, resolved)
 *   idx:sev:<1..4>            zset    by severity
 *   idx:service:<name>        zset    by affected service
 *   idx:commander:<userId>    zset    by incident commander
 *   idx:source:<source>       zset    by source (manual, csp, api)
 *   idx:tri:<trigram>         zset    by trigram of the lower-cased title and summary
 *   external-keys             hash    creator's idempotency key → incident id (createIncident externalKey)
 *   roles:<id>                hash    response roles of an incident: role field (roles.ts roleField) → JSON holding
 *   upstream:<id>             hash    provider|upstreamId|status|at → timeline entry id (recordUpstreamUpdate dedupe)
 *   idx:role-holder:<userId>  zset    incidents not resolved in which the user holds a role, score = seq
 *   stats:started             zset    one member per incident (JSON figures for incidentStats), score = startedAt
 *   action-item-seq           string  last action item sequence number handed out
 *   action-item:<id>          hash    one action item (see store/action-item-record.ts)
 *   action-item-texts:<id>    hash    text → action item id, per incident (a postmortem re-lists items by text)
 *   ai:all                    zset    every action item, score = its seq
 *   ai:incident:<id>          zset    by incident
 *   ai:owner:<userId>         zset    by owner
 *   ai:status:<status>        zset    by status (open, in_progress, done, wont_do)
 *   ai:pending                zset    open or in_progress (the only ones that can be overdue)
 *   user-directory            hash    userId → enabled | disabled: the users this domain learned from user events
 *   user-directory:applied    string  id of the last users-stream entry applied to user-directory
 *   user-names                hash    userId → display name, from the same events: timeline entries name people
 *
 * Read only, owned by the users domain: `<prefix>:users:events`, its event stream (the published interface a
 * domain may listen to; never another domain's data keys).
 */
export interface IncidentsKeys {
  seq: string;
  events: string;
  all: string;
  incident(id: string): string;
  timeline(id: string): string;
  postmortems(id: string): string;
  byStatus(status: Status): string;
  bySev(sev: number): string;
  byService(service: string): string;
  byCommander(userId: string): string;
  bySource(source: Source): string;
  byTrigram(trigram: string): string;
  externalKeys: string;
  roles(id: string): string;
  upstream(id: string): string;
  byRoleHolder(userId: string): string;
  statsStarted: string;
  actionItemSeq: string;
  actionItem(id: string): string;
  actionItemTexts(incidentId: string): string;
  actionItemsAll: string;
  actionItemsByIncident(incidentId: string): string;
  actionItemsByOwner(userId: string): string;
  actionItemsByStatus(status: ActionItemStatus): string;
  actionItemsPending: string;
  userDirectory: string;
  userDirectoryApplied: string;
  /** Display names learned with `userDirectory` (same catch-up, same position). */
  userNames: string;
  /** The users domain's event stream, which feeds `userDirectory`; read, never written. */
  usersEvents: string;
  /** The prefixes handed to Lua, so scripts append a value instead of spelling a key. */
  keyspace(): Keyspace;
}

export interface Keyspace {
  seq: string;
  all: string;
  incident: string;
  status: string;
  sev: string;
  service: string;
  commander: string;
  source: string;
  tri: string;
  externalKeys: string;
  roles: string;
  upstream: string;
  roleHolder: string;
  stats: string;
  aiSeq: string;
  ai: string;
  aiTexts: string;
  aiAll: string;
  aiIncident: string;
  aiOwner: string;
  aiStatus: string;
  aiPending: string;
  /** Read by write scripts to name people in timeline messages (write-common.lua `name_of`). */
  userNames: string;
}

export function incidentsKeys(prefix: string): IncidentsKeys {
  const base = `${prefix}:incidents`;
  const ks: Keyspace = {
    seq: `${base}:seq`,
    all: `${base}:idx:all`,
    incident: `${base}:incident:`,
    status: `${base}:idx:status:`,
    sev: `${base}:idx:sev:`,
    service: `${base}:idx:service:`,
    commander: `${base}:idx:commander:`,
    source: `${base}:idx:source:`,
    tri: `${base}:idx:tri:`,
    externalKeys: `${base}:external-keys`,
    roles: `${base}:roles:`,
    upstream: `${base}:upstream:`,
    roleHolder: `${base}:idx:role-holder:`,
    stats: `${base}:stats:started`,
    aiSeq: `${base}:action-item-seq`,
    ai: `${base}:action-item:`,
    aiTexts: `${base}:action-item-texts:`,
    aiAll: `${base}:ai:all`,
    aiIncident: `${base}:ai:incident:`,
    aiOwner: `${base}:ai:owner:`,
    aiStatus: `${base}:ai:status:`,
    aiPending: `${base}:ai:pending`,
    userNames: `${base}:user-names`,
  };
  return {
    seq: ks.seq,
    events: domainEventStream(prefix, 'incidents'),
    all: ks.all,
    incident: (id) => ks.incident + id,
    timeline: (id) => `${base}:timeline:${id}`,
    postmortems: (id) => `${base}:postmortem:${id}`,
    byStatus: (status) => ks.status + status,
    bySev: (sev) => ks.sev + sev,
    byService: (service) => ks.service + service,
    byCommander: (userId) => ks.commander + userId,
    bySource: (source) => ks.source + source,
    byTrigram: (trigram) => ks.tri + trigram,
    externalKeys: ks.externalKeys,
    roles: (id) => ks.roles + id,
    upstream: (id) => ks.upstream + id,
    byRoleHolder: (userId) => ks.roleHolder + userId,
    statsStarted: ks.stats,
    actionItemSeq: ks.aiSeq,
    actionItem: (id) => ks.ai + id,
    actionItemTexts: (incidentId) => ks.aiTexts + incidentId,
    actionItemsAll: ks.aiAll,
    actionItemsByIncident: (incidentId) => ks.aiIncident + incidentId,
    actionItemsByOwner: (userId) => ks.aiOwner + userId,
    actionItemsByStatus: (status) => ks.aiStatus + status,
    actionItemsPending: ks.aiPending,
    userDirectory: `${base}:user-directory`,
    userDirectoryApplied: `${base}:user-directory:applied`,
    userNames: ks.userNames,
    usersEvents: domainEventStream(prefix, 'users'),
    keyspace: () => ({ ...ks }),
  };
}
