import type { Role } from './roles.ts';

/**
 * Who is acting. Built by the gateway from a verified bearer token and handed to subgraphs in a signed header;
 * subgraphs never parse bearer tokens themselves.
 *  - `user`: a person with a session (JWT);
 *  - `token`: an API token acting with the role it was granted;
 *  - `system`: a PolyStatus process acting on its own behalf (the CSP poller opening incidents);
 *  - `anonymous`: nobody; may only use public operations.
 */
export interface Principal {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  /** The user id (for tokens: the id of the user who owns the token; for system: the process name). */
  id: string | null;
  role: Role | null;
  /** For `token` principals: the token's id, so audit logs can name it. */
  tokenId?: string;
  /**
   * Epoch milliseconds at which the credential stops being valid, when it expires at all. Long-lived consumers
   * (a realtime socket) end the caller's access at that moment instead of waiting for their next check.
   */
  expiresAt?: number;
  /**
   * The client's address as the gateway saw it, when it knows it. Only for per-address limits (login brute-force
   * protection) and audit entries; never for access decisions.
   */
  ip?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous', id: null, role: null });

export const systemPrincipal = (name: string, role: Role = 'admin'): Principal => ({
  kind: 'system',
  id: name,
  role,
});
