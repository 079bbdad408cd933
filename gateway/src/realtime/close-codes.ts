/**
 * Close codes the realtime server uses beyond graphql-ws's own. The graphql-ws client retries on 1013 and 4403
 * and gives up on 4401, which is what each case wants.
 */
export const CLOSE = {
  /** The client could not keep up; it reconnects and resumes with `after`. */
  SLOW_CONSUMER: 1013,
  /** The token expired or was revoked: retrying with it is pointless, the app must sign in again. */
  UNAUTHORIZED: 4401,
  /** The user's role changed: reconnecting re-checks every subscription against the new role. */
  ACCESS_CHANGED: 4403,
} as const;
