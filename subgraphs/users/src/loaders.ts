import DataLoader from 'dataloader';
import { type User, withoutSecret } from './domain/user.ts';
import type { UserStore } from './store/user-store.ts';

export interface UsersLoaders {
  user: DataLoader<string, User | null>;
}

/**
 * Per request, never shared: a loader caches what it read, and one request must not see another's stale users.
 * N entity references resolve with one pipelined read.
 */
export function createLoaders(users: UserStore): UsersLoaders {
  return {
    user: new DataLoader<string, User | null>(async (ids) =>
      (await users.getMany(ids)).map((u) => (u ? withoutSecret(u) : null)),
    ),
  };
}
