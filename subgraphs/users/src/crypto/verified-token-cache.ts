import type { AccessClaims } from './access-token.ts';

/**
 * Remembers access tokens whose signature already checked out, until they expire. Ed25519 verification costs about
 * 0.4 ms of CPU here and the gateway introspects the same token on every request of a session, so this takes most of
 * the CPU out of introspection. Only the signature is cached: user and session state are still read every time.
 * A token string cannot change, and its key stays published at least until it expires, so the answer cannot go
 * stale. Bounded, oldest evicted first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessClaims>();

  constructor(private readonly maxEntries = 10_000) {}

  get(token: string, nowMs: number): AccessClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (claims.exp * 1000 <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  set(token: string, claims: AccessClaims): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
