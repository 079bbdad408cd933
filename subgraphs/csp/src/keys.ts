import { createHash } from 'node:crypto';
import { domainEventStream } from '@polystatus/kit';

/**
 * Every Redis key of the csp domain. Nothing else builds key strings: the refresh script, which writes events it
 * only learns about from its arguments, receives the prefixes of `keyspace()` and appends ids to them.
 *
 * Layout under `<prefix>:csp`:
 *   providers                 zset    every provider id, score = registration time
 *   provider:<id>             hash    config (name, feedUrl, type, format, intervalSeconds, enabled, dependsOn,
 *                                     createdAt), `health` (JSON), `components` (JSON), `rev` (bumped by each
 *                                     refresh), the feed's validators `etag`, `lastModified`, `bodyHash`
 *   event:<id>                string  one event, JSON (domain/csp-event.ts) without its updates
 *   updates:<id>              list    its upstream updates, JSON, oldest first
 *   idx:all                   zset    every event, score = updatedAt
 *   idx:active                zset    open events, score = updatedAt
 *   idx:provider:<id>         zset    one provider's events, score = updatedAt
 *   idx:incident:<incidentId> set     events linked to an internal incident
 *   links                     hash    event id → the internal incident opened for it (kept apart from the record,
 *                                     which refreshes rewrite whole)
 *   lease:<provider id>       string  the poller holding that provider (replica id), with a TTL
 *   lease:incident-linker     string  the replica opening incidents and copying updates, with a TTL
 *   linker:pending            zset    events whose incident side is not up to date, score = when to try
 *   linker:synced:<eventId>   string  updates already copied to the incident's timeline (count)
 *   linker:tries              hash    event id → failed attempts in a row (for the retry backoff)
 *   dependencies              hash    our service → JSON [{ providerId, components[] }]
 *   catalog                   string  set once the built-in catalog has been written (first start)
 *   events                    stream  domain events (kit envelope), capped
 */
export interface CspKeys {
  providers: string;
  provider(id: string): string;
  event(id: string): string;
  updates(id: string): string;
  all: string;
  active: string;
  byProvider(providerId: string): string;
  byIncident(incidentId: string): string;
  links: string;
  lease(name: string): string;
  linkerPending: string;
  linkerSynced(eventId: string): string;
  linkerTries: string;
  dependencies: string;
  catalog: string;
  events: string;
  keyspace(): CspKeyspace;
}

export interface CspKeyspace {
  event: string;
  updates: string;
  byProvider: string;
  all: string;
  active: string;
  linkerPending: string;
}

/** Upstream text never becomes a key as is: incident ids are ours, but keep one hashing rule for any other. */
const safe = (value: string) =>
  /^[A-Za-z0-9._-]{1,100}$/.test(value)
    ? value
    : createHash('sha256').update(value).digest('hex').slice(0, 32);

export function cspKeys(prefix: string): CspKeys {
  const base = `${prefix}:csp`;
  const ks: CspKeyspace = {
    event: `${base}:event:`,
    updates: `${base}:updates:`,
    byProvider: `${base}:idx:provider:`,
    all: `${base}:idx:all`,
    active: `${base}:idx:active`,
    linkerPending: `${base}:linker:pending`,
  };
  return {
    providers: `${base}:providers`,
    provider: (id) => `${base}:provider:${safe(id)}`,
    event: (id) => ks.event + safe(id),
    updates: (id) => ks.updates + safe(id),
    all: ks.all,
    active: ks.active,
    byProvider: (id) => ks.byProvider + safe(id),
    byIncident: (id) => `${base}:idx:incident:${safe(id)}`,
    links: `${base}:links`,
    lease: (name) => `${base}:lease:${safe(name)}`,
    linkerPending: ks.linkerPending,
    linkerSynced: (id) => `${base}:linker:synced:${safe(id)}`,
    linkerTries: `${base}:linker:tries`,
    dependencies: `${base}:dependencies`,
    catalog: `${base}:catalog`,
    events: domainEventStream(prefix, 'csp'),
    keyspace: () => ({ ...ks }),
  };
}
