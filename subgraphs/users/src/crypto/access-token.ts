import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { DomainError, isRole, type Role } from '@polystatus/kit';
import { errors, jwtVerify, SignJWT } from 'jose';

export const ACCESS_TOKEN_ISSUER = 'polystatus-users';
export const ACCESS_TOKEN_AUDIENCE = 'polystatus';
/** The only algorithm accepted: an allowlist of one defeats `alg: none` and HMAC-with-the-public-key forgeries. */
export const ACCESS_TOKEN_ALG = 'EdDSA';
/** RFC 9068's media type, so an access token cannot be confused with any other JWT signed by the same key. */
export const ACCESS_TOKEN_TYP = 'at+jwt';

export interface AccessClaims {
  sub: string;
  role: Role;
  /** The session (refresh-token family) this token was issued in; revoking the session revokes the token. */
  sid: string;
  jti: string;
  iat: number;
  exp: number;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export async function signAccessToken(
  subject: { sub: string; role: Role; sid: string },
  key: SigningKey,
  opts: { ttlSeconds: number; now?: number },
): Promise<{ token: string; claims: AccessClaims }> {
  const iat = Math.floor((opts.now ?? Date.now()) / 1000);
  const claims: AccessClaims = { ...subject, jti: randomUUID(), iat, exp: iat + opts.ttlSeconds };
  const token = await new SignJWT({ role: claims.role, sid: claims.sid })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.kid, typ: ACCESS_TOKEN_TYP })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(key.privateKey);
  return { token, claims };
}

/** Finds the public key for a `kid`, or null when no such key is (still) published. */
export type PublicKeyResolver = (kid: string) => Promise<KeyObject | null>;

const refused = (why: string) => new DomainError('UNAUTHENTICATED', `access token refused: ${why}`);

/**
 * Checks signature, algorithm, type, issuer, audience and expiry. Only what the token says is checked here; whether
 * its user and session are still good is the introspection service's job.
 */
export async function verifyAccessToken(
  token: string,
  resolveKey: PublicKeyResolver,
  opts: { now?: number } = {},
): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = header.kid ? await resolveKey(header.kid) : null;
        if (!key) throw refused('unknown signing key');
        return key;
      },
      {
        algorithms: [ACCESS_TOKEN_ALG],
        typ: ACCESS_TOKEN_TYP,
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'jti', 'sid', 'role'],
        ...(opts.now !== undefined ? { currentDate: new Date(opts.now) } : {}),
      },
    );
    if (!isRole(payload.role) || typeof payload.sid !== 'string') throw refused('malformed claims');
    return {
      sub: payload.sub as string,
      role: payload.role,
      sid: payload.sid,
      jti: payload.jti as string,
      iat: payload.iat as number,
      exp: payload.exp as number,
    };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    if (err instanceof errors.JWTExpired) throw refused('expired');
    if (err instanceof errors.JOSEAlgNotAllowed) throw refused('algorithm not allowed');
    if (err instanceof errors.JWSSignatureVerificationFailed) throw refused('bad signature');
    if (err instanceof errors.JWTClaimValidationFailed) throw refused(`claim ${err.claim} is invalid`);
    throw refused('malformed');
  }
}
