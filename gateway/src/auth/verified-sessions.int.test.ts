import { USERS_EVENTS } from '@polystatus/contracts';
import {
  type Authenticator,
  DomainError,
  envelopeToFields,
  newEnvelope,
  type Principal,
} from '@polystatus/kit';
import { deletePrefix, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { domainEventStream } from '../realtime/keys.ts';
import { VerifiedSessions } from './verified-sessions.ts';

const redis = testRedis();
const prefix = uniquePrefix('verified-sessions');
const stream = domainEventStream(prefix, 'users');
afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

/** Stands in for introspection: answers from a table the test edits, and counts the questions. */
function fakeIntrospection() {
  const valid = new Map<string, Principal>();
  let asked = 0;
  const inner: Authenticator = {
    async authenticate(authorization) {
      asked++;
      const p = authorization ? valid.get(authorization) : undefined;
      if (!p) throw new DomainError('UNAUTHENTICATED', 'revoked');
      return { ...p, expiresAt: Date.now() + 600_000 };
    },
  };
  return { valid, inner, asked: () => asked };
}

/** What the users service does on a revocation: change its state and append the event, atomically. */
const publish = (type: string, subject: string, data: Record<string, unknown> = {}) =>
  redis.xadd(stream, '*', ...envelopeToFields(newEnvelope(type, 'admin', subject, data)));

describe('VerifiedSessions', () => {
  let intro: ReturnType<typeof fakeIntrospection>;
  let sessions: VerifiedSessions;
  beforeEach(async () => {
    await publish(USERS_EVENTS.created, 'someone'); // the stream exists, as in any running install
    intro = fakeIntrospection();
    intro.valid.set('Bearer a', { kind: 'user', id: 'alice', role: 'responder' });
    intro.valid.set('Bearer b', { kind: 'user', id: 'bob', role: 'viewer' });
    intro.valid.set('Bearer t', { kind: 'token', id: 'carol', role: 'viewer', tokenId: 'tok-1' });
    sessions = new VerifiedSessions({ inner: intro.inner, redis, usersStream: stream });
  });

  it('asks once per credential, then trusts it', async () => {
    for (let i = 0; i < 5; i++) expect((await sessions.authenticate('Bearer a')).id).toBe('alice');
    expect(intro.asked()).toBe(1);
  });

  it.each([
    [USERS_EVENTS.sessionRevoked, 'alice', {}],
    [USERS_EVENTS.disabled, 'alice', {}],
    [USERS_EVENTS.roleChanged, 'alice', { role: 'viewer' }],
    [USERS_EVENTS.updated, 'alice', { fields: ['password'] }],
  ])(
    'refuses on the very next request after %s, and keeps trusting everyone else',
    async (type, subject, data) => {
      await sessions.authenticate('Bearer a');
      await sessions.authenticate('Bearer b');
      intro.valid.delete('Bearer a'); // the users service's state changed…
      await publish(type, subject, data); // …in the same step as its event
      await expect(sessions.authenticate('Bearer a')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      const asked = intro.asked();
      expect((await sessions.authenticate('Bearer b')).id).toBe('bob');
      expect(intro.asked()).toBe(asked);
    },
  );

  it('drops an API token on its revocation event (subject: the token, ownerId: its owner)', async () => {
    await sessions.authenticate('Bearer t');
    intro.valid.delete('Bearer t');
    await publish(USERS_EVENTS.tokenRevoked, 'tok-1', { ownerId: 'carol' });
    await expect(sessions.authenticate('Bearer t')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('applies a revocation committed before a request even when many requests share one check', async () => {
    await sessions.authenticate('Bearer a');
    const before = Array.from({ length: 20 }, () => sessions.authenticate('Bearer a'));
    intro.valid.delete('Bearer a');
    await publish(USERS_EVENTS.sessionRevoked, 'alice');
    const after = Array.from({ length: 20 }, () => sessions.authenticate('Bearer a'));
    await Promise.allSettled(before);
    const settled = await Promise.allSettled(after);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
  });

  it('asks every time while the stream cannot be read, rather than trusting blindly', async () => {
    const broken = new VerifiedSessions({
      inner: intro.inner,
      redis: { xrevrange: () => Promise.reject(new Error('down')) } as never,
      usersStream: stream,
    });
    await broken.authenticate('Bearer a');
    await broken.authenticate('Bearer a');
    expect(intro.asked()).toBe(2);
    expect(broken.size).toBe(0);
  });
});
