import { ExpiringCache } from '@polystatus/kit';
import type { AccessClaims } from './access-token.ts';

/**
 * Remembers access tokens whose signature already checked out, until they expire. Ed25519 verification costs about
 * 0.4 ms of CPU here and the gateway introspects the same token on every request of a session, so this takes most of
 * the CPU out of introspection. Only the signature is cached: user and session state are still read every time.
 */
export class VerifiedTokenCache extends ExpiringCache<AccessClaims> {
  constructor(maxEntries = 10_000) {
    super((claims) => claims.exp * 1000, maxEntries);
  }
}
