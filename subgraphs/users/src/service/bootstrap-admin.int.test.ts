import { cleanupPrefix, codeOf, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { LOGIN, startUsers } from '../testing/harness.ts';

const prefixes: string[] = [];
const fresh = () => {
  const p = uniquePrefix('users-boot');
  prefixes.push(p);
  return p;
};
afterAll(async () => {
  for (const p of prefixes) await cleanupPrefix(p);
});

describe('first admin', () => {
  it('two replicas starting at once create exactly one admin', async () => {
    const prefix = fresh();
    const [a, b] = await Promise.all([startUsers({ prefix }), startUsers({ prefix })]);
    try {
      expect(await a.deps.users.adminCount()).toBe(1);
      const created = (await a.deps.audit.page(null, 50)).filter((e) => e.type === 'user.created');
      expect(created).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('is idempotent across restarts', async () => {
    const prefix = fresh();
    const a = await startUsers({ prefix });
    await a.close();
    const b = await startUsers({ prefix, env: { POLYSTATUS_ADMIN_EMAIL: 'other@example.com' } });
    try {
      expect(await b.deps.users.adminCount()).toBe(1);
      expect(await b.deps.users.getByEmail('other@example.com')).toBeNull();
    } finally {
      await b.close();
    }
  });

  it('in development, without credentials, generates them, prints them once, and they work', async () => {
    const prefix = fresh();
    const printed: string[] = [];
    const env = { NODE_ENV: 'development', POLYSTATUS_ADMIN_EMAIL: '', POLYSTATUS_ADMIN_PASSWORD: '' };
    const print = (t: string) => printed.push(t);
    const a = await startUsers({ prefix, env, service: { print } });
    await a.close();
    const b = await startUsers({ prefix, env, service: { print } });
    try {
      expect(printed).toHaveLength(1);
      const email = /email: +(\S+)/.exec(printed[0]!)![1];
      const password = /password: +(\S+)/.exec(printed[0]!)![1];
      expect(email).toBe('admin@polystatus.local');
      expect(codeOf(await b.gql(LOGIN, { email, password }))).toBe('OK');
    } finally {
      await b.close();
    }
  });

  it('in production, refuses a first start without credentials', async () => {
    const prefix = fresh();
    await expect(
      startUsers({
        prefix,
        env: {
          NODE_ENV: 'production',
          POLYSTATUS_KEY_ENCRYPTION_KEY: 'k'.repeat(40),
          POLYSTATUS_INTERNAL_SECRET: 's'.repeat(40),
          POLYSTATUS_ADMIN_PASSWORD: '',
        },
      }),
    ).rejects.toThrow(/POLYSTATUS_ADMIN_EMAIL and POLYSTATUS_ADMIN_PASSWORD/);
  });

  it('in production, generates and prints the first admin when asked to (npm start), and it works', async () => {
    const prefix = fresh();
    const printed: string[] = [];
    const h = await startUsers({
      prefix,
      env: {
        NODE_ENV: 'production',
        POLYSTATUS_KEY_ENCRYPTION_KEY: 'k'.repeat(40),
        POLYSTATUS_INTERNAL_SECRET: 's'.repeat(40),
        POLYSTATUS_ADMIN_EMAIL: '',
        POLYSTATUS_ADMIN_PASSWORD: '',
        POLYSTATUS_ADMIN_GENERATE: 'true',
      },
      service: { print: (t: string) => printed.push(t) },
    });
    try {
      expect(printed).toHaveLength(1);
      const email = /email: +(\S+)/.exec(printed[0]!)![1];
      const password = /password: +(\S+)/.exec(printed[0]!)![1];
      expect(codeOf(await h.gql(LOGIN, { email, password }))).toBe('OK');
    } finally {
      await h.close();
    }
  });

  it('logs in with the configured credentials', async () => {
    const prefix = fresh();
    const h = await startUsers({
      prefix,
      env: {
        POLYSTATUS_ADMIN_EMAIL: 'boss@example.com',
        POLYSTATUS_ADMIN_PASSWORD: 'a fine long passphrase',
      },
    });
    try {
      expect(
        codeOf(await h.gql(LOGIN, { email: 'boss@example.com', password: 'a fine long passphrase' })),
      ).toBe('OK');
    } finally {
      await h.close();
    }
  });
});
