/**
 * Close codes the realtime server uses beyond graphql-ws's own. The graphql-ws client retries on 1013, 4403 and
 * 4410 (with its back-off) and gives up on 4401, which is what each case wants.
 */
export const CLOSE = {
  /** The client could not keep up; it reconnects and resumes with `after`. */
  SLOW_CONSUMER: 1013,
  /**
   * The same code, refusing a socket at admission: the process is at its socket maximum, or this address holds
   * its share of sockets or opens them too fast. The reason says which; retrying later is right.
   */
  TRY_AGAIN_LATER: 1013,
  /** The token expired or was revoked: retrying with it is pointless, the app must sign in again. */
  UNAUTHORIZED: 4401,
  /** The user's role changed: reconnecting re-checks every subscription against the new role. */
  ACCESS_CHANGED: 4403,
  /**
   * An anonymous socket held no subscription for REALTIME_ANONYMOUS_IDLE_MS: anonymous sockets exist only for the
   * public subscriptions, and an idle one only holds a descriptor. (graphql-ws's lazy client closes idle sockets
   * by itself, so a well-behaved page never meets it.)
   */
  IDLE: 4410,
} as const;
