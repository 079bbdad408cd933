import { OFREPProvider } from '@openfeature/ofrep-provider';
import { OpenFeature } from '@openfeature/server-sdk';
import { loadSpec } from '@polystatus/rest-kit';
import { responseChecker } from '@polystatus/rest-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin } from '../bench/support/graphql.ts';
import { FLAGS_SWAGGER } from '../rest-adapters/flags/src/server.ts';
import { call, graphql, type HttpAnswer } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * Feature flags through the whole stack: the REST adapter (checked against swaggers/flags.yaml), the gateway's
 * `User.flags` joined with the users subgraph's role, a kill switch landing on an incident's timeline through
 * the gateway, and the real OpenFeature server SDK with its OFREP provider against the flags service.
 */
let stack: Stack;
let token = '';
let rest = '';
const check = responseChecker(loadSpec(FLAGS_SWAGGER));

beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_PER_SECOND: '0' } });
  const session = await loginAdmin(stack);
  token = session.auth.authorization!.slice('Bearer '.length);
  rest = stack.urls['rest-flags']!;
}, 120_000);
afterAll(async () => {
  await OpenFeature.clearProviders();
  await stack?.stop();
});

const documented = (operationId: string, answer: HttpAnswer) => {
  expect(check(operationId, answer.status, answer.body)).toEqual([]);
  return answer;
};

describe('flags end to end', () => {
  it('creates (201), updates (200), refuses a bad definition naming the field, lists and evaluates', async () => {
    const definition = {
      id: 'public_status_enabled',
      on: true,
      kind: 'boolean',
      variations: ['on', 'off'],
      fallthrough: { variation: 'off' },
      rules: [{ if: { attr: 'role', op: 'eq', value: 'manager' }, variation: 'on' }],
      targets: { users: { alice: 'on', bob: 'off' } },
    };
    const created = documented(
      'putFlag',
      await call('POST', `${rest}/admin/flags`, { token, body: definition }),
    );
    expect(created.status).toBe(201);
    const updated = documented(
      'putFlag',
      await call('POST', `${rest}/admin/flags`, { token, body: { ...definition, description: 'x' } }),
    );
    expect([updated.status, updated.body.version]).toEqual([200, 2]);

    const bad = await call('POST', `${rest}/admin/flags`, {
      token,
      body: { ...definition, rules: [{ if: { attr: 'role', op: 'eq', value: 'x' }, variation: 'maybe' }] },
    });
    expect([bad.status, bad.body.error.details.map((d: { field: string }) => d.field)]).toEqual([
      400,
      ['rules[0].variation'],
    ]);
    expect((await call('GET', `${rest}/admin/flags`)).status).toBe(401);

    const list = documented('listFlags', await call('GET', `${rest}/admin/flags`, { token }));
    expect(list.body.map((f: { id: string }) => f.id)).toContain('public_status_enabled');

    const manager = documented('evaluateFlags', await call('GET', `${rest}/flags?user=carol&role=manager`));
    expect(manager.body.public_status_enabled).toMatchObject({ variation: 'on', off: false });
    const bob = documented('evaluateFlags', await call('GET', `${rest}/flags?user=bob&role=manager`));
    expect(bob.body.public_status_enabled).toMatchObject({ variation: 'off', off: false });

    const toggled = documented(
      'toggleFlag',
      await call('POST', `${rest}/admin/toggle/public_status_enabled`, { token, body: { on: false } }),
    );
    expect(toggled.body).toMatchObject({ changed: true, flag: { on: false } });
    const off = await call('GET', `${rest}/flags?user=carol&role=manager`);
    expect(off.body.public_status_enabled).toMatchObject({ variation: 'off', off: true });
    expect((await call('POST', `${rest}/admin/toggle/nope`, { token, body: { on: false } })).status).toBe(
      404,
    );
  });

  it('evaluates User.flags with the role the users subgraph holds', async () => {
    await call('POST', `${rest}/admin/flags`, {
      token,
      body: {
        id: 'admins-only',
        on: true,
        rules: [{ if: { attr: 'role', op: 'eq', value: 'admin' }, variation: 'on' }],
        fallthrough: { variation: 'off' },
      },
    });
    const me = await graphql(
      stack.graphqlUrl,
      '{ me { id role flags { key variation reason } } }',
      {},
      token,
    );
    expect(me.errors).toBeUndefined();
    expect(me.data.me.flags).toContainEqual({
      key: 'admins-only',
      variation: 'on',
      reason: 'TARGETING_MATCH',
    });
  });

  it('pulls a kill switch from an incident: toggled, audited, and a MITIGATION entry naming the flag', async () => {
    await call('POST', `${rest}/admin/flags`, { token, body: { id: 'payments-retry', on: true } });
    const incident = await graphql(
      stack.graphqlUrl,
      'mutation { createIncident(input: { title: "Payments failing", sev: 1 }) { id } }',
      {},
      token,
    );
    const incidentId = incident.data.createIncident.id as string;
    const toggled = documented(
      'toggleFlag',
      await call('POST', `${rest}/admin/toggle/payments-retry`, {
        token,
        body: { on: false, incident_id: incidentId },
      }),
    );
    expect(toggled.body).toMatchObject({ changed: true, incident_id: incidentId, timeline_error: null });
    const timeline = await graphql(
      stack.graphqlUrl,
      'query($id: ID!) { incident(id: $id) { timeline { nodes { id type message } } } }',
      { id: incidentId },
      token,
    );
    const entry = timeline.data.incident.timeline.nodes.find(
      (n: { id: string }) => n.id === toggled.body.timeline_entry_id,
    );
    expect(entry).toMatchObject({ type: 'MITIGATION', message: expect.stringContaining('payments-retry') });
    const audit = documented(
      'listFlagAudit',
      await call('GET', `${rest}/admin/flags/payments-retry/audit`, { token }),
    );
    expect(audit.body.at(-1)).toMatchObject({ action: 'toggled', incident_id: incidentId });
  });

  it('serves OFREP to the real OpenFeature server SDK and OFREP provider', async () => {
    await OpenFeature.setProviderAndWait('e2e-flags', new OFREPProvider({ baseUrl: stack.urls.flags! }));
    const client = OpenFeature.getClient('e2e-flags');
    expect(await client.getBooleanDetails('payments-retry', true, { targetingKey: 'anyone' })).toMatchObject({
      value: false,
      reason: 'DISABLED',
    });
    expect(await client.getBooleanValue('admins-only', false, { targetingKey: 'x', role: 'admin' })).toBe(
      true,
    );
    await call('POST', `${rest}/admin/toggle/payments-retry`, { token, body: { on: true } });
    expect(await client.getBooleanValue('payments-retry', false, { targetingKey: 'anyone' })).toBe(true);
  });
});
