import { USERS_EVENTS } from '@polystatus/contracts';
import type { Redis } from '@polystatus/kit';
import type { UserStanding } from '../domain/commander.ts';
import type { IncidentsKeys } from '../keys.ts';
import { scripts } from './scripts.ts';

/** Users-stream entries applied per script call: bounds how long one call holds Redis while catching up. */
export const CATCH_UP_PAGE = 500;

/** The users events the directory applies (standing, then names), in the order the catch-up script takes them. */
const DIRECTORY_EVENTS = [
  USERS_EVENTS.created,
  USERS_EVENTS.disabled,
  USERS_EVENTS.enabled,
  USERS_EVENTS.updated,
];

/**
 * The users the incidents domain knows about (standing, and display names for timeline messages), projected from the users domain's event stream into incidents'
 * own keys (a domain never reads another's data keys). `standing` first catches up with the stream to its end,
 * so a user created a moment ago is known: when already up to date that costs one script call (one round trip).
 * Applying is idempotent and atomic with the read position, so callers may race freely.
 */
export class UserDirectory {
  constructor(
    private readonly redis: Redis,
    private readonly keys: IncidentsKeys,
    private readonly pageSize = CATCH_UP_PAGE,
  ) {
    scripts.install(redis);
  }

  async standing(userId: string): Promise<UserStanding> {
    for (;;) {
      const [standing, applied] = await this.step(userId);
      // A short page means the stream's end was reached inside that very script, so its answer is current.
      if (applied < this.pageSize)
        return standing === 'enabled' || standing === 'disabled' ? standing : 'unknown';
    }
  }

  /** Applies everything not yet applied; returns how many entries that was. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const [, applied] = await this.step('');
      total += applied;
      if (applied < this.pageSize) return total;
    }
  }

  private async step(userId: string): Promise<[string, number]> {
    const reply = (await scripts.run(
      this.redis,
      'userDirectoryCatchUp',
      [this.keys.userDirectory, this.keys.userDirectoryApplied, this.keys.usersEvents, this.keys.userNames],
      [String(this.pageSize), userId, ...DIRECTORY_EVENTS],
    )) as [string, number];
    return [reply[0], Number(reply[1])];
  }
}
