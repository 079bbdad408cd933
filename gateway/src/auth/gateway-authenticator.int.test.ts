import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DomainError, serviceAuthorization } from '@polystatus/kit';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER } from './authenticator.ts';
import { createGatewayAuthenticator, type GatewayAuthenticator } from './gateway-authenticator.ts';

/**
 * A stand-in users service: its JWKS always answers (the gateway fetched and cached it before the outage); its
 * introspection route answers with the current role, or fails as a crashed service would.
 */
async function usersService(jwk: object) {
  const state = { introspection: 'up' as 'up' | 'down' | 'hang', currentRole: 'viewer' };
  const server: Server = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    }
    if (state.introspection === 'down') return void req.socket.destroy();
    if (state.introspection === 'hang') return;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ kind: 'user', id: 'user-1', role: state.currentRole }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, state };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'none',
    (e: DomainError) => e.code,
  );

describe('gateway authenticator when the users service is down', () => {
  let users: Awaited<ReturnType<typeof usersService>>;
  let session: string;
  let lenient: GatewayAuthenticator;
  let strict: GatewayAuthenticator;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA');
    users = await usersService({ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' });
    session = await new SignJWT({ role: 'manager' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const common = { usersServiceUrl: users.url, internalSecret: 'x'.repeat(40), timeoutMs: 500 };
    lenient = createGatewayAuthenticator({ ...common, jwtFallback: true });
    strict = createGatewayAuthenticator({ ...common, jwtFallback: false });
  });

  afterAll(async () => {
    await lenient.close();
    await strict.close();
    users.server.close();
  });

  it('uses the role the users service reports while it is up (a demotion wins over the token)', async () => {
    users.state.introspection = 'up';
    expect(await lenient.authenticate(`Bearer ${session}`)).toMatchObject({ id: 'user-1', role: 'viewer' });
  });

  it('keeps a locally verified session working, with its token role, while introspection is down', async () => {
    users.state.introspection = 'down';
    expect(await lenient.authenticate(`Bearer ${session}`)).toMatchObject({
      kind: 'user',
      id: 'user-1',
      role: 'manager',
    });
  });

  it('refuses with UNAVAILABLE when the fallback is off, and always for API tokens', async () => {
    users.state.introspection = 'down';
    expect(await codeOf(strict.authenticate(`Bearer ${session}`))).toBe('UNAVAILABLE');
    expect(await codeOf(lenient.authenticate('Bearer ps_abcdefabcdefabcdefabcdefabcdefabcdefabcdefa'))).toBe(
      'UNAVAILABLE',
    );
  });

  it('stops waiting on a users service that does not answer, for a few seconds after a failure', async () => {
    // A stopped (not dead) service: connections open, nothing answers, each call would wait for the timeout.
    users.state.introspection = 'hang';
    const breaking = createGatewayAuthenticator({
      usersServiceUrl: users.url,
      internalSecret: 'x'.repeat(40),
      timeoutMs: 300,
      jwtFallback: true,
    });
    const first = Date.now();
    expect(await breaking.authenticate(`Bearer ${session}`)).toMatchObject({ role: 'manager' });
    expect(Date.now() - first).toBeGreaterThanOrEqual(250);
    const started = Date.now();
    for (let i = 0; i < 5; i++) await breaking.authenticate(`Bearer ${session}`);
    expect(Date.now() - started).toBeLessThan(200);
    await breaking.close();
  });

  it('never falls back for a token that does not verify', async () => {
    users.state.introspection = 'down';
    const [h, p] = session.split('.');
    expect(await codeOf(lenient.authenticate(`Bearer ${h}.${p}.AAAA`))).toBe('UNAUTHENTICATED');
  });

  it('accepts a PolyStatus service credential without the users service, and refuses a forged one', async () => {
    users.state.introspection = 'down';
    const service = serviceAuthorization('csp', 'responder', 'x'.repeat(40))();
    expect(await strict.authenticate(service)).toEqual({ kind: 'system', id: 'csp', role: 'responder' });
    const forged = serviceAuthorization('csp', 'admin', 'y'.repeat(40))();
    expect(await codeOf(strict.authenticate(forged))).toBe('UNAUTHENTICATED');
  });
});
