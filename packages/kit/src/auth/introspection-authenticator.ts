import { Agent, type Dispatcher, request } from 'undici';
import { DomainError } from '../errors.ts';
import type { Authenticator } from './authenticator.ts';
import { IDENTITY_HEADER, signIdentity } from './identity-header.ts';
import { ANONYMOUS, type Principal, systemPrincipal } from './principal.ts';
import { isRole } from './roles.ts';

/** The users service route that turns a bearer token into the principal in effect right now. */
export const INTROSPECTION_PATH = '/internal/v1/introspect';

/** Body of `POST /internal/v1/introspect`. */
export interface IntrospectionRequest {
  token: string;
}

/** 200 answer of the introspection route; any other answer means the token does not authenticate anyone. */
export interface IntrospectionResponse {
  kind: 'user' | 'token';
  id: string;
  role: Principal['role'];
  tokenId?: string;
  /** Epoch milliseconds at which the credential expires (the session's token, or the API token); absent: never. */
  expiresAt?: number;
}

export interface IntrospectionAuthenticatorOptions {
  /** Base URL of the users service, e.g. `http://127.0.0.1:4001` (the gateway's `USERS_SERVICE_URL`). */
  usersServiceUrl: string;
  /** Signs the `system` identity the introspection route demands, so only PolyStatus processes can ask. */
  internalSecret: string;
  /** Name of the calling process, recorded as the system principal's id. */
  caller?: string;
  /** Per-call deadline; a slow users service must not hold every request of the gateway. */
  timeoutMs?: number;
  /** Inject a dispatcher (tests, or a shared agent); otherwise a keep-alive agent owned by this authenticator. */
  dispatcher?: Dispatcher;
}

export interface IntrospectionAuthenticator extends Authenticator {
  close(): Promise<void>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Asks the users service about every bearer token instead of trusting the JWT alone, so a disabled user, a demoted
 * user, a revoked session or a revoked API token stops working on the next request rather than when the access
 * token expires. The price is one keep-alive round trip per authenticated request.
 */
export function createIntrospectionAuthenticator(
  opts: IntrospectionAuthenticatorOptions,
): IntrospectionAuthenticator {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const owned = opts.dispatcher ? undefined : new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const dispatcher = opts.dispatcher ?? (owned as Dispatcher);
  const url = new URL(INTROSPECTION_PATH, opts.usersServiceUrl).toString();
  const caller = systemPrincipal(opts.caller ?? 'gateway');

  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
      const token = BEARER.exec(authorization)?.[1];
      if (!token)
        throw new DomainError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');

      let status: number;
      let body: unknown;
      try {
        const res = await request(url, {
          method: 'POST',
          dispatcher,
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: signIdentity(caller, opts.internalSecret),
          },
          body: JSON.stringify({ token } satisfies IntrospectionRequest),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        status = res.statusCode;
        body = await res.body.json().catch(() => undefined);
      } catch {
        throw new DomainError('UNAVAILABLE', 'the users service cannot be reached to verify the token', {
          retryAfter: 1,
        });
      }
      if (status === 401)
        throw new DomainError('UNAUTHENTICATED', 'the token is invalid, expired or revoked');
      if (status !== 200) {
        throw new DomainError(
          'UNAVAILABLE',
          `the users service answered ${status} while verifying the token`,
          {
            retryAfter: 1,
          },
        );
      }
      return toPrincipal(body);
    },
    async close() {
      await owned?.close();
    },
  };
}

function toPrincipal(body: unknown): Principal {
  const b = body as Partial<IntrospectionResponse> | undefined;
  if (!b || (b.kind !== 'user' && b.kind !== 'token') || typeof b.id !== 'string' || !isRole(b.role)) {
    throw new DomainError('UNAVAILABLE', 'the users service gave a malformed introspection answer');
  }
  const principal: Principal = { kind: b.kind, id: b.id, role: b.role };
  if (typeof b.tokenId === 'string') principal.tokenId = b.tokenId;
  if (typeof b.expiresAt === 'number') principal.expiresAt = b.expiresAt;
  return principal;
}
