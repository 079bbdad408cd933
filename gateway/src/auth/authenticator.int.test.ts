import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ANONYMOUS, type DomainError } from '@polystatus/kit';
import { decodeJwt, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER, JwtAuthenticator } from './authenticator.ts';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** A stand-in for the users service's JWKS endpoint, serving whatever keys the test publishes. */
async function jwksServer(keys: () => JWK[], status = () => 200) {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
    res.writeHead(status(), { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys() }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits: () => hits };
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'none',
    (e: DomainError) => e.code,
  );

describe('JWT authenticator', () => {
  let ed: { privateKey: Key; publicKey: Key };
  let es: { privateKey: Key; publicKey: Key };
  let stranger: { privateKey: Key; publicKey: Key };
  let published: JWK[];
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let auth: JwtAuthenticator;

  const sign = (
    key: Key,
    alg: string,
    kid: string,
    claims: Record<string, unknown> = { role: 'responder' },
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg, kid })
      .setSubject('user-1')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  beforeAll(async () => {
    ed = await generateKeyPair('EdDSA');
    es = await generateKeyPair('ES256');
    stranger = await generateKeyPair('EdDSA');
    published = [
      { ...(await exportJWK(ed.publicKey)), kid: 'ed', alg: 'EdDSA', use: 'sig' },
      { ...(await exportJWK(es.publicKey)), kid: 'es', alg: 'ES256', use: 'sig' },
    ];
    jwks = await jwksServer(() => published);
    auth = new JwtAuthenticator({ usersServiceUrl: jwks.url });
  });
  afterAll(() => new Promise((r) => jwks.server.close(r)));

  it('treats a missing or empty header as anonymous', async () => {
    await expect(auth.authenticate(undefined)).resolves.toEqual(ANONYMOUS);
    await expect(auth.authenticate('')).resolves.toEqual(ANONYMOUS);
  });

  it('accepts EdDSA and ES256 tokens and maps sub, role and expiry', async () => {
    const token = await sign(ed.privateKey, 'EdDSA', 'ed');
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toEqual({
      kind: 'user',
      id: 'user-1',
      role: 'responder',
      expiresAt: decodeJwt(token).exp! * 1000,
    });
    const es256 = await sign(es.privateKey, 'ES256', 'es', { role: 'admin' });
    await expect(auth.authenticate(`bearer ${es256}`)).resolves.toMatchObject({ role: 'admin' });
  });

  it('caches the key set instead of fetching it per request', async () => {
    const before = jwks.hits();
    const token = await sign(ed.privateKey, 'EdDSA', 'ed');
    for (let i = 0; i < 5; i++) await auth.authenticate(`Bearer ${token}`);
    expect(jwks.hits()).toBe(before);
  });

  it('refuses a malformed scheme with UNAUTHENTICATED rather than treating it as anonymous', async () => {
    expect(await codeOf(auth.authenticate('Basic dXNlcjpwYXNz'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.authenticate('Bearer'))).toBe('UNAUTHENTICATED');
  });

  it('refuses tokens signed by another key, for another audience or issuer, expired, or with an unknown role', async () => {
    const bad = [
      await sign(stranger.privateKey, 'EdDSA', 'ed'),
      await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'ed' })
        .setSubject('u')
        .setIssuer(JWT_ISSUER)
        .setAudience('someone-else')
        .setExpirationTime('5m')
        .sign(ed.privateKey),
      await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'ed' })
        .setSubject('u')
        .setIssuer('mallory')
        .setAudience(JWT_AUDIENCE)
        .setExpirationTime('5m')
        .sign(ed.privateKey),
      await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'ed' })
        .setSubject('u')
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(ed.privateKey),
      await sign(ed.privateKey, 'EdDSA', 'ed', { role: 'superuser' }),
    ];
    for (const token of bad)
      expect(await codeOf(auth.authenticate(`Bearer ${token}`))).toBe('UNAUTHENTICATED');
  });

  it('refuses a symmetric (HS256) token even when its secret is the published key material', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(published[0]));
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'ed' })
      .setSubject('u')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    expect(await codeOf(auth.authenticate(`Bearer ${token}`))).toBe('UNAUTHENTICATED');
  });

  it('reports an unreachable or broken key endpoint as UNAVAILABLE, not as a bad token', async () => {
    const token = `Bearer ${await sign(ed.privateKey, 'EdDSA', 'ed')}`;
    const down = new JwtAuthenticator({ usersServiceUrl: 'http://127.0.0.1:1' });
    expect(await codeOf(down.authenticate(token))).toBe('UNAVAILABLE');
    const failing = await jwksServer(
      () => [],
      () => 500,
    );
    try {
      const broken = new JwtAuthenticator({ usersServiceUrl: failing.url });
      expect(await codeOf(broken.authenticate(token))).toBe('UNAVAILABLE');
    } finally {
      await new Promise((r) => failing.server.close(r));
    }
  });
});
