import { parseEvent, USERS_EVENTS } from '@polystatus/contracts';
import { envelopeFromFields } from '@polystatus/kit';
import { ok, testRedis } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersKeys } from './keys.ts';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  LOGIN,
  type LoginData,
  startUsers,
  type UsersHarness,
} from './testing/harness.ts';

const redis = testRedis();
let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});
afterAll(async () => {
  await h.close();
  await redis.quit();
});

describe('users events', () => {
  it('every event the service writes is exactly what packages/contracts declares', async () => {
    const session = ok(
      await h.gql<LoginData>(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { kind: 'anonymous' }),
    ).login;
    const admin = { id: session.user.id, role: 'admin' as const };
    const { createUser: user } = ok(
      await h.gql<{ createUser: { id: string } }>(
        'mutation C($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { name: 'Ada', email: 'ada@example.com', role: 'RESPONDER', password: 'saffron kettle orbit' } },
        admin,
      ),
    );
    const changes = [
      'mutation M($id: ID!) { updateUser(id: $id, input: { name: "Ada L", password: "violet tractor moon" }) { id } }',
      'mutation M($id: ID!) { changeUserRole(id: $id, role: MANAGER) { id } }',
      'mutation M($id: ID!) { disableUser(id: $id) { id } }',
      'mutation M($id: ID!) { enableUser(id: $id) { id } }',
    ];
    for (const change of changes) ok(await h.gql(change, { id: user.id }, admin));
    const { createApiToken } = ok(
      await h.gql<{ createApiToken: { apiToken: { id: string } } }>(
        'mutation { createApiToken(input: { name: "ci", role: VIEWER }) { apiToken { id } } }',
        {},
        admin,
      ),
    );
    ok(
      await h.gql(
        'mutation R($id: ID!) { revokeApiToken(id: $id) { id } }',
        { id: createApiToken.apiToken.id },
        admin,
      ),
    );
    ok(
      await h.gql('mutation L($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken }, admin),
    );

    const envelopes = (await redis.xrange(usersKeys(h.prefix).events, '-', '+')).map(([, f]) =>
      envelopeFromFields(f),
    );
    const types = envelopes.map((e) => parseEvent('users', e).type);
    // Every declared users event was produced, so each one's schema was checked against a real write.
    expect(new Set(types)).toEqual(new Set(Object.values(USERS_EVENTS)));
  });
});
