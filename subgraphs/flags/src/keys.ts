import { domainEventStream } from '@polystatus/kit';
/**
 * Every Redis key of the flags domain. Nothing else builds key strings.
 *
 * Layout under `<prefix>:flags`:
 *   flag:<key>        hash    one flag: `def` (the definition as JSON, without `on`), `on` (1|0), `version`,
 *                             `createdAt`, `updatedAt` (epoch ms), `updatedBy`
 *   index             zset    every flag key, score = creation time (ms), for listing and the snapshot's load
 *   audit             stream  every change to every flag: flagKey, action, actorId, at, incidentId, before, after
 *   audit:<key>       stream  the same entries for one flag (same ids), so one flag's history pages directly
 *   events            stream  domain events (kit envelope), capped
 *
 * `on` lives beside `def` so that a toggle, the kill switch, changes one field and never rewrites a definition
 * another writer may be replacing at the same moment.
 */
export interface FlagsKeys {
  flag(key: string): string;
  index: string;
  audit: string;
  flagAudit(key: string): string;
  events: string;
}

export function flagsKeys(prefix: string): FlagsKeys {
  const base = `${prefix}:flags`;
  return {
    flag: (key) => `${base}:flag:${key}`,
    index: `${base}:index`,
    audit: `${base}:audit`,
    flagAudit: (key) => `${base}:audit:${key}`,
    events: domainEventStream(prefix, 'flags'),
  };
}
