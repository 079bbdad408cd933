import { INCIDENT_EVENTS, parseEvent } from '@polystatus/contracts';
import { envelopeFromFields } from '@polystatus/kit';
import { ok, testRedis } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentsKeys } from './keys.ts';
import { type IncidentsHarness, startIncidents } from './testing/harness.ts';
import {
  ACKNOWLEDGE,
  ADD_NOTE,
  ASSIGN,
  ASSIGN_ROLE,
  CHANGE_STATUS,
  CREATE,
  CREATE_ACTION_ITEM,
  RECORD_UPSTREAM,
  SUBMIT_POSTMORTEM,
  UNASSIGN_ROLE,
  UPDATE,
  UPDATE_ACTION_ITEM,
} from './testing/operations.ts';
import { createUsers } from './testing/users.ts';

const redis = testRedis();
let svc: IncidentsHarness;

beforeAll(async () => {
  svc = await startIncidents();
  await createUsers(redis, svc.prefix, 'cmdr-events');
});
afterAll(async () => {
  await svc.close();
  await redis.quit();
});

describe('incidents events', () => {
  it('every event, as the service starts it and its write script completes it, is what packages/contracts declares', async () => {
    const manager = { role: 'manager' as const, id: 'u-events' };
    const { createIncident: inc } = ok(
      await svc.gql<{ createIncident: { id: string } }>(
        CREATE,
        { input: { title: 'Checkout fails', sev: 2, services: ['checkout'] } },
        manager,
      ),
    );
    const id = inc.id;
    ok(
      await svc.gql(
        UPDATE,
        { id, input: { title: 'Checkout fails in EU', sev: 1, services: ['pay'] } },
        manager,
      ),
    );
    ok(await svc.gql(ACKNOWLEDGE, { id }, manager));
    ok(await svc.gql(CHANGE_STATUS, { id, status: 'MITIGATED', note: 'failed over' }, manager));
    ok(await svc.gql(CHANGE_STATUS, { id, status: 'RESOLVED' }, manager));
    ok(await svc.gql(ASSIGN, { id, commanderId: 'cmdr-events' }, manager));
    ok(await svc.gql(ADD_NOTE, { id, input: { type: 'NOTE', message: 'customers notified' } }, manager));
    ok(await svc.gql(ASSIGN_ROLE, { id, role: 'SCRIBE', userId: 'cmdr-events' }, manager));
    ok(await svc.gql(UNASSIGN_ROLE, { id, role: 'SCRIBE', userId: 'cmdr-events' }, manager));
    const { createActionItem: item } = ok(
      await svc.gql<{ createActionItem: { id: string } }>(
        CREATE_ACTION_ITEM,
        { id, input: { text: 'alert on config drift', dueDate: '2030-01-01T00:00:00Z' } },
        manager,
      ),
    );
    ok(await svc.gql(UPDATE_ACTION_ITEM, { id: item.id, input: { status: 'DONE', dueDate: null } }, manager));
    const upstream = {
      provider: 'aws',
      upstreamId: 'e-1',
      status: 'resolved',
      message: 'Recovered.',
      at: '2030-01-01T00:00:00Z',
    };
    ok(
      await svc.gql(
        RECORD_UPSTREAM,
        { id, input: upstream },
        { kind: 'system', id: 'csp', role: 'responder' },
      ),
    );
    const postmortem = {
      whatHappened: 'a bad deploy',
      rootCause: 'a config typo',
      actionItems: [{ text: 'alert on config drift' }, { text: 'review configs' }],
    };
    ok(await svc.gql(SUBMIT_POSTMORTEM, { id, input: postmortem }, manager));

    const envelopes = (await redis.xrange(incidentsKeys(svc.prefix).events, '-', '+'))
      .map(([, f]) => envelopeFromFields(f))
      .filter((e) => e.subject === id);
    const events = envelopes.map((e) => parseEvent('incidents', e));
    // Every declared incidents event was produced, so each one's schema was checked against a real write.
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(Object.values(INCIDENT_EVENTS)));
    expect(events.map((e) => e.data.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });
});
