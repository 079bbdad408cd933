import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, graphql } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * A slow or dead dependency degrades one feature, never the whole system. Each case freezes one process with
 * SIGSTOP (the worst kind of failure: connections open, nothing answers) and checks what still works, and how
 * fast the rest fails. Split mode: freezing one service needs a process of its own (in single mode the same HTTP
 * boundaries hold, but a frozen process is every service at once).
 */

let stack: Stack;
let usersApi: string;
let incidentsApi: string;
let session: string;
let apiToken: string;
let adminId: string;

const pidOf = (name: string) => stack.services.find((s) => s.name === name)!.pid;

async function frozen<T>(name: string, body: () => Promise<T>): Promise<T> {
  const pid = pidOf(name);
  process.kill(pid, 'SIGSTOP');
  try {
    return await body();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

beforeAll(async () => {
  stack = await startStack({
    mode: 'split',
    env: { SUBGRAPH_TIMEOUT_MS: '1500', GATEWAY_TIMEOUT_MS: '6000' },
  });
  usersApi = stack.urls['rest-users']!;
  incidentsApi = stack.urls['rest-incidents']!;
  const login = await call('POST', `${usersApi}/api/v1/auth/login`, {
    body: { email: stack.admin.email, password: stack.admin.password },
  });
  session = login.body.token;
  adminId = login.body.user_id;
  apiToken = (
    await call('POST', `${usersApi}/api/v1/tokens`, {
      token: session,
      body: { name: 'automation', role: 'responder' },
    })
  ).body.token;
  // Warm the gateway: it fetches the signing keys on the first authenticated request.
  expect((await call('GET', `${incidentsApi}/api/v1/incidents`, { token: session })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the users service frozen', () => {
  it('keeps incident response going for signed-in responders, and fails fast for the rest', async () => {
    await frozen('users', async () => {
      // The session was verified before the outage: the gateway trusts it until the users stream revokes it
      // (verified-sessions.ts), so at most one request waits for an introspection timeout, then none does.
      const first = await timed(() => call('GET', `${incidentsApi}/api/v1/incidents`, { token: session }));
      expect(first.value.status).toBe(200);
      expect(first.ms).toBeLessThan(4000);

      for (let i = 0; i < 5; i++) {
        const next = await timed(() => call('GET', `${incidentsApi}/api/v1/incidents`, { token: session }));
        expect(next.value.status).toBe(200);
        expect(next.ms).toBeLessThan(1000);
      }
      const created = await call('POST', `${incidentsApi}/api/v1/incidents`, {
        token: session,
        body: { title: 'Declared during an identity outage', sev: 2 },
      });
      expect(created.status).toBe(201);

      // An API token never seen before has no local proof: refused as unavailable (not as invalid). The first
      // waits for the introspection timeout; then the gateway stops asking for a while and refuses quickly.
      const automation = await timed(() =>
        call('GET', `${incidentsApi}/api/v1/incidents`, { token: apiToken }),
      );
      expect(automation.value.status).toBe(503);
      expect(automation.ms).toBeLessThan(4000);
      const again = await timed(() => call('GET', `${incidentsApi}/api/v1/incidents`, { token: apiToken }));
      expect(again.value.status).toBe(503);
      expect(again.ms).toBeLessThan(1000);

      // Signing in needs the users service itself: 503 once the gateway's subgraph timeout passes.
      const login = await timed(() =>
        call('POST', `${usersApi}/api/v1/auth/login`, {
          body: { email: stack.admin.email, password: stack.admin.password },
        }),
      );
      expect(login.value.status).toBe(503);
      expect(login.ms).toBeLessThan(4000);
    });

    // Back to normal once it answers again: API tokens work after the pause ends.
    await expect
      .poll(async () => (await call('GET', `${incidentsApi}/api/v1/incidents`, { token: apiToken })).status, {
        timeout: 10_000,
        interval: 250,
      })
      .toBe(200);
  });
});

describe('the incidents service frozen', () => {
  it('answers users requests as usual and incidents requests with a quick 503', async () => {
    await frozen('incidents', async () => {
      const user = await timed(() => call('GET', `${usersApi}/api/v1/users/${adminId}`, { token: session }));
      expect(user.value.status).toBe(200);
      expect(user.ms).toBeLessThan(1000);

      const list = await timed(() => call('GET', `${incidentsApi}/api/v1/incidents`, { token: session }));
      expect(list.value.status).toBe(503);
      expect(list.value.body.error.code).toBe('UNAVAILABLE');
      expect(JSON.stringify(list.value.body)).not.toMatch(/127\.0\.0\.1|ECONN/);
      expect(list.ms).toBeLessThan(4000);

      // One query spanning both: the users part answers, the incidents part is null with UNAVAILABLE. (A
      // non-null field such as `incidents` would null the whole answer: GraphQL's own propagation rule.)
      const mixed = await graphql(
        stack.graphqlUrl,
        '{ me { id } incident(id: "INC-00000000") { id } }',
        {},
        session,
      );
      expect(mixed.data?.me?.id).toBe(adminId);
      expect(mixed.data?.incident).toBeNull();
      expect(mixed.errors?.some((e) => e.extensions?.code === 'UNAVAILABLE')).toBe(true);
    });
  });
});
