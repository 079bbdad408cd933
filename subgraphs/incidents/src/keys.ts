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
 *   user-directory            hash    userId → enabled | disabled: the users this domain learned from user events
 *   user-directory:applied    string  id of the last users-stream entry applied to user-directory
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
  userDirectory: string;
  userDirectoryApplied: string;
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
  };
  return {
    seq: ks.seq,
    events: `${base}:events`,
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
    userDirectory: `${base}:user-directory`,
    userDirectoryApplied: `${base}:user-directory:applied`,
    usersEvents: `${prefix}:users:events`,
    keyspace: () => ({ ...ks }),
  };
}
