import { RateLimiter } from '@polystatus/kit';
import { CLOSE } from './close-codes.ts';

/**
 * Who may hold a socket. Every accepted WebSocket costs a file descriptor and memory for as long as it is open,
 * and before `connection_init` nobody is known, so the gateway bounds sockets before it knows who asks:
 *  - per process, with headroom kept for HTTP (a full socket table must not refuse the dashboards' queries);
 *  - per client address (as the HTTP rate limit identifies it, behind trusted proxies);
 *  - connection attempts per address per second, so a reconnect storm or a scan is refused cheaply;
 *  - anonymous sockets (allowed only for public subscriptions) against a smaller per-address cap.
 * Counts are per gateway process, like the HTTP rate limit: with N replicas a client gets N times as much.
 */
export interface SocketLimits {
  maxSockets: number;
  maxPerAddress: number;
  maxAnonymousPerAddress: number;
  connectsPerSecond: number;
  connectBurst: number;
}

export type SocketRefusal = { code: number; reason: string; label: RefusalLabel };
export type RefusalLabel = 'capacity' | 'per_address' | 'connect_rate' | 'anonymous_per_address';

export class SocketAdmission {
  private readonly perAddress = new Map<string, number>();
  private readonly anonymousPerAddress = new Map<string, number>();
  private readonly attempts: RateLimiter;
  private open = 0;
  private anonymous = 0;

  constructor(private readonly limits: SocketLimits) {
    this.attempts = new RateLimiter({ perSecond: limits.connectsPerSecond, burst: limits.connectBurst });
  }

  /** At the upgrade, before the handshake is answered: null admits, and the socket is then counted. */
  admitUpgrade(address: string): SocketRefusal | null {
    if (this.open >= this.limits.maxSockets) {
      return refusal(
        'capacity',
        CLOSE.TRY_AGAIN_LATER,
        'Try again later: the server holds its maximum of sockets',
      );
    }
    if (!this.attempts.take(address).allowed) {
      return refusal('connect_rate', CLOSE.TRY_AGAIN_LATER, 'Try again later: too many connection attempts');
    }
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxPerAddress) {
      return refusal(
        'per_address',
        CLOSE.TRY_AGAIN_LATER,
        'Try again later: too many sockets from this address',
      );
    }
    this.open++;
    increment(this.perAddress, address);
    return null;
  }

  /** At `connection_init`, once the socket turned out anonymous: null admits, and it counts as anonymous. */
  admitAnonymous(address: string): SocketRefusal | null {
    if ((this.anonymousPerAddress.get(address) ?? 0) >= this.limits.maxAnonymousPerAddress) {
      return refusal(
        'anonymous_per_address',
        CLOSE.TRY_AGAIN_LATER,
        'Try again later: too many anonymous sockets from this address; sign in for more',
      );
    }
    this.anonymous++;
    increment(this.anonymousPerAddress, address);
    return null;
  }

  /** When an admitted socket closes, with whether it had been admitted as anonymous. */
  release(address: string, wasAnonymous: boolean): void {
    this.open--;
    decrement(this.perAddress, address);
    if (wasAnonymous) {
      this.anonymous--;
      decrement(this.anonymousPerAddress, address);
    }
  }

  get stats(): { open: number; anonymous: number } {
    return { open: this.open, anonymous: this.anonymous };
  }
}

const refusal = (label: RefusalLabel, code: number, reason: string): SocketRefusal => ({
  code,
  reason,
  label,
});

const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Entries at zero are deleted, so the maps hold only addresses with open sockets. */
function decrement(map: Map<string, number>, key: string): void {
  const next = (map.get(key) ?? 0) - 1;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}
