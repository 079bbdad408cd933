import { DomainError } from '../errors.ts';
import { signIdentity, verifyIdentity } from './identity-header.ts';
import { type Principal, systemPrincipal } from './principal.ts';
import type { Role } from './roles.ts';

/**
 * How a PolyStatus process calls the graph on its own behalf (the CSP poller opening incidents, comms reading
 * incidents for the public snapshot): `Authorization: Service <signed identity>`, a `system` principal signed
 * with the internal secret every service already holds. The gateway turns it into that principal, so the
 * subgraphs see and audit `system:<name>` with the role it was given, never an anonymous or borrowed user.
 *
 * Why not an API token: it would live in the users domain's store, need bootstrapping per install, and cost an
 * introspection per call; holders of the internal secret can already speak to subgraphs directly, so this grants
 * nothing new. The signature is short-lived and re-signed before it expires.
 */
export const SERVICE_SCHEME = 'Service';
const SERVICE = /^Service +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const TTL_SECONDS = 300;

export function isServiceAuthorization(authorization: string | undefined): boolean {
  return authorization?.trimStart().startsWith(`${SERVICE_SCHEME} `) === true;
}

/** The principal a `Service …` header carries; anything forged, expired or not a system principal is refused. */
export function verifyServiceAuthorization(authorization: string, secret: string): Principal {
  const signed = SERVICE.exec(authorization.trim())?.[1];
  const result = signed ? verifyIdentity(signed, secret) : undefined;
  if (!result?.ok || result.principal.kind !== 'system') {
    throw new DomainError('UNAUTHENTICATED', 'invalid service credential');
  }
  return result.principal;
}

/** A header value for `name` acting with `role`, re-signed when less than a minute of it is left. */
export function serviceAuthorization(name: string, role: Role, secret: string): () => string {
  let value = '';
  let renewAt = 0;
  return () => {
    const now = Date.now();
    if (now >= renewAt) {
      value = `${SERVICE_SCHEME} ${signIdentity(systemPrincipal(name, role), secret, TTL_SECONDS)}`;
      renewAt = now + (TTL_SECONDS - 60) * 1000;
    }
    return value;
  };
}
