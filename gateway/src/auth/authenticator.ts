import {
  ANONYMOUS,
  type Authenticator,
  DomainError,
  ExpiringCache,
  isRole,
  type Principal,
} from '@polystatus/kit';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';

export const JWT_ISSUER = 'polystatus-users';
export const JWT_AUDIENCE = 'polystatus';
/** Asymmetric algorithms only: a symmetric (HS*) token would let anyone holding the key mint admin sessions. */
export const JWT_ALGORITHMS = ['EdDSA', 'ES256'];

export interface JwtAuthenticatorOptions {
  /** Base URL of the users service, which publishes its signing keys at `/.well-known/jwks.json`. */
  usersServiceUrl: string;
  /** How long a fetched key set is trusted before it is fetched again (key rotation picks up within this). */
  cacheMaxAgeMs?: number;
  timeoutMs?: number;
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/** Splits `Authorization: Bearer <token>`; anything else present in the header is a client error, not anonymity. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const token = BEARER.exec(authorization.trim())?.[1];
  if (!token) throw new DomainError('UNAUTHENTICATED', 'authorization must be "Bearer <token>"');
  return token;
}

/**
 * Verifies session JWTs locally against the users service's published keys: no call per request, keys cached and
 * refetched when a token names an unknown key id (rotation). It cannot see revocations or disabled users; the
 * introspection authenticator does, and wraps this one as its cheap first step.
 */
export class JwtAuthenticator implements Authenticator {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Tokens whose signature already checked out, until they expire: an Ed25519 check costs ~0.4 ms of CPU and a
   * session presents the same token on every request. Revocation is not this class's concern (introspection is).
   */
  private readonly verified = new ExpiringCache<Principal>((p) => p.expiresAt ?? 0);

  constructor(opts: JwtAuthenticatorOptions) {
    const url = new URL('/.well-known/jwks.json', opts.usersServiceUrl);
    this.keys = createRemoteJWKSet(url, {
      cacheMaxAge: opts.cacheMaxAgeMs ?? 10 * 60_000,
      cooldownDuration: 30_000,
      timeoutDuration: opts.timeoutMs ?? 2_000,
    });
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    if (token === undefined) return ANONYMOUS;
    return this.verify(token);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    let payload: { sub?: unknown; role?: unknown; exp?: number };
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        algorithms: JWT_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      throw toDomainError(err);
    }
    if (typeof payload.sub !== 'string' || !isRole(payload.role)) {
      throw new DomainError('UNAUTHENTICATED', 'token has no valid subject or role');
    }
    const principal: Principal = { kind: 'user', id: payload.sub, role: payload.role };
    if (typeof payload.exp === 'number') {
      principal.expiresAt = payload.exp * 1000;
      this.verified.set(token, principal);
    }
    return principal;
  }
}

/**
 * A token that fails verification is the client's problem (401); failing to fetch the keys is ours (503), and
 * saying "invalid token" then would send a valid user back to the login page for nothing.
 */
function toDomainError(err: unknown): DomainError {
  const keysUnavailable =
    err instanceof errors.JWKSTimeout ||
    err instanceof errors.JWKSInvalid ||
    // jose reports a non-200 or non-JSON key set answer with the base class itself.
    (err instanceof errors.JOSEError && err.constructor === errors.JOSEError) ||
    // Anything that is not a JOSEError comes from fetching the key set (connection refused, DNS).
    !(err instanceof errors.JOSEError);
  if (keysUnavailable) return new DomainError('UNAVAILABLE', 'token keys are unavailable', { retryAfter: 1 });
  return new DomainError(
    'UNAUTHENTICATED',
    err instanceof errors.JWTExpired ? 'token expired' : 'invalid token',
  );
}
