import DataLoader from 'dataloader';
import type { CspEvent } from './domain/csp-event.ts';
import type { UpstreamUpdate } from './formats/types.ts';
import type { CspDeps } from './service/deps.ts';
import type { ProviderState } from './store/provider-store.ts';

export interface CspLoaders {
  provider: DataLoader<string, ProviderState | null>;
  event: DataLoader<string, CspEvent | null>;
  updates: DataLoader<string, UpstreamUpdate[]>;
  eventIdsByIncident: DataLoader<string, string[]>;
  leaseHolder: DataLoader<string, string | null>;
}

/**
 * Created per request. Each loader turns the loads of one tick into one pipelined read, so fifty events asking for
 * their provider, updates or incident cost one round trip per field, and `_entities` batches likewise.
 */
export function createLoaders(deps: CspDeps): CspLoaders {
  return {
    provider: new DataLoader((ids) => deps.providers.getMany(ids)),
    event: new DataLoader((ids) => deps.events.getMany(ids)),
    updates: new DataLoader((ids) => deps.events.updates(ids)),
    eventIdsByIncident: new DataLoader((ids) => deps.events.idsByIncident(ids)),
    leaseHolder: new DataLoader((ids) => deps.leases.holders(ids)),
  };
}
