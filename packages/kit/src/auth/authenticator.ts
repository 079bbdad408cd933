import type { Principal } from './principal.ts';

/**
 * Turns a request's `Authorization` header into a verified principal. Used by the gateway (and the realtime
 * server for `connection_init`). No header: ANONYMOUS. A header that does not verify (bad signature, expired,
 * revoked, disabled user): throws DomainError('UNAUTHENTICATED'); never falls back to anonymous.
 */
export interface Authenticator {
  /**
   * `arrivedAt` (performance.now() when the request arrived) lets an authenticator that must see every revocation
   * committed before the request reuse a check made since then, instead of making one of its own.
   */
  authenticate(authorization: string | undefined, arrivedAt?: number): Promise<Principal>;
}
