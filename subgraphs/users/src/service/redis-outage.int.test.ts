import { type PausableProxy, startPausableProxy, TEST_REDIS_URL } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, LOGIN, startUsers, type UsersHarness } from '../testing/harness.ts';

const CREATE = `mutation Create($input: CreateUserInput!) { createUser(input: $input) { id } }`;

let proxy: PausableProxy;
let h: UsersHarness;
let admin: { id: string; role: 'admin' };

beforeAll(async () => {
  // Only this service's connection stalls: the proxy holds its traffic, the shared Redis is untouched.
  proxy = await startPausableProxy(TEST_REDIS_URL);
  h = await startUsers({ env: { REDIS_URL: proxy.url, REDIS_COMMAND_TIMEOUT_MS: '300' } });
  admin = { id: (await h.deps.users.getByEmail(ADMIN_EMAIL))!.id, role: 'admin' };
});
afterAll(async () => {
  proxy?.resume();
  await h?.close();
  await proxy?.close();
});

const newUser = (n: string) => ({ input: { name: `User ${n}`, email: `${n}@example.com` } });

describe('a Redis pause', () => {
  it('answers a users write with UNAVAILABLE (503, retry after 1 s), then serves again', async () => {
    expect((await h.gql(CREATE, newUser('before'), admin)).errors).toBeUndefined();
    proxy.pause();
    try {
      const during = await h.gql(CREATE, newUser('during'), admin);
      expect(during.data).toBeNull();
      expect(during.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAVAILABLE',
        retryAfter: 1,
        http: { status: 503 },
      });
      // Public verbs too: a login is refused as retryable, not as an internal fault.
      const login = await h.gql(
        LOGIN,
        { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        { kind: 'anonymous' },
      );
      expect(login.errors?.[0]?.extensions.code).toBe('UNAVAILABLE');
    } finally {
      proxy.resume();
    }
    expect((await h.gql(CREATE, newUser('after'), admin)).errors).toBeUndefined();
  });
});
