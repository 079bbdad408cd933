import { createSecretKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  signAccessToken,
  verifyAccessToken,
} from './access-token.ts';

const pair = () => generateKeyPairSync('ed25519');
const { privateKey, publicKey } = pair();
const key = { kid: 'k1', privateKey };
const resolve = async (kid: string): Promise<KeyObject | null> => (kid === 'k1' ? publicKey : null);
const subject = { sub: 'user-1', role: 'manager' as const, sid: 'session-1' };

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
  );

describe('access tokens', () => {
  it('carry sub, role, sid, jti, iat, exp and verify with the published key', async () => {
    const now = Date.UTC(2026, 0, 1);
    const { token } = await signAccessToken(subject, key, { ttlSeconds: 600, now });
    const claims = await verifyAccessToken(token, resolve, { now: now + 1000 });
    expect(claims).toMatchObject({ ...subject, iat: now / 1000, exp: now / 1000 + 600 });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('are refused once expired', async () => {
    const now = Date.UTC(2026, 0, 1);
    const { token } = await signAccessToken(subject, key, { ttlSeconds: 600, now });
    expect(await refusal(verifyAccessToken(token, resolve, { now: now + 601_000 }))).toBe(
      'UNAUTHENTICATED: access token refused: expired',
    );
  });

  it('are refused when signed by another key under a known kid', async () => {
    const { token } = await signAccessToken(
      subject,
      { kid: 'k1', privateKey: pair().privateKey },
      { ttlSeconds: 600 },
    );
    expect(await refusal(verifyAccessToken(token, resolve))).toBe(
      'UNAUTHENTICATED: access token refused: bad signature',
    );
  });

  it('are refused when their kid is unknown', async () => {
    const { token } = await signAccessToken(subject, { kid: 'k2', privateKey }, { ttlSeconds: 600 });
    expect(await refusal(verifyAccessToken(token, resolve))).toContain('unknown signing key');
  });

  it('refuse HS256 (an HMAC made with the public key as secret) and alg none', async () => {
    const secret = createSecretKey(publicKey.export({ format: 'der', type: 'spki' }));
    const hmac = await new SignJWT({ role: 'admin', sid: 's' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject('user-1')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret);
    expect(await refusal(verifyAccessToken(hmac, resolve))).toBe(
      'UNAUTHENTICATED: access token refused: algorithm not allowed',
    );
    const none = new UnsecuredJWT({ role: 'admin', sid: 's', jti: 'j' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    expect(await refusal(verifyAccessToken(none, resolve))).toMatch(/^UNAUTHENTICATED/);
  });

  it('refuse a token for another audience or of another type', async () => {
    const other = await new SignJWT({ role: 'admin', sid: 's' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'JWT' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience('someone-else')
      .setSubject('user-1')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(verifyAccessToken(other, resolve))).toMatch(/^UNAUTHENTICATED/);
  });

  it('refuse a token whose role claim is not a role', async () => {
    const forged = await new SignJWT({ role: 'superuser', sid: 's' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject('user-1')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(verifyAccessToken(forged, resolve))).toContain('malformed claims');
  });
});
