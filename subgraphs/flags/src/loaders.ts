import DataLoader from 'dataloader';
import type { Flag } from './domain/flag.ts';
import type { AuditPage, FlagStore } from './store/flag-store.ts';

export interface AuditRequest {
  flagKey: string;
  first: number;
  after: string | null;
}

export interface FlagsLoaders {
  flag: DataLoader<string, Flag | null>;
  audit: DataLoader<AuditRequest, AuditPage, string>;
}

/**
 * Created per request (a cache shared across requests would serve stale definitions). Entity references from
 * the gateway (a `flagChanged` hydration, a list of flags asking for their audit) become one pipeline each.
 */
export function createLoaders(store: FlagStore): FlagsLoaders {
  return {
    flag: new DataLoader((keys) => store.getMany(keys)),
    audit: new DataLoader((reqs) => Promise.all(reqs.map((r) => store.audit(r.flagKey, r.first, r.after))), {
      cacheKeyFn: (r) => `${r.flagKey}\u0000${r.first}\u0000${r.after ?? ''}`,
    }),
  };
}
