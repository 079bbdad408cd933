import { OFREPProvider } from '@openfeature/ofrep-provider';
import { OpenFeature } from '@openfeature/server-sdk';
import { ok } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlagsHarness, startFlags } from '../testing/harness.ts';
import { PUT, TOGGLE } from '../testing/operations.ts';

/** The real OpenFeature server SDK and its OFREP provider, unchanged, against the flags service over HTTP. */
let svc: FlagsHarness;
const DOMAIN = 'polystatus-flags-int';

beforeAll(async () => {
  svc = await startFlags();
  ok(
    await svc.gql(PUT, {
      input: {
        key: 'dark-mode',
        on: true,
        rules: [{ if: { attr: 'role', op: 'in', values: ['admin', 'manager'] }, variation: 'on' }],
        fallthrough: { variation: 'off' },
      },
    }),
  );
  ok(
    await svc.gql(PUT, {
      input: {
        key: 'banner',
        on: true,
        kind: 'MULTIVAR',
        variations: ['none', 'maintenance'],
        fallthrough: { variation: 'maintenance' },
      },
    }),
  );
  await OpenFeature.setProviderAndWait(DOMAIN, new OFREPProvider({ baseUrl: svc.url }));
});
afterAll(async () => {
  await OpenFeature.clearProviders();
  await svc?.close();
});

describe('OpenFeature server SDK with the OFREP provider', () => {
  it('reads boolean and string flags with the reasons the service gives', async () => {
    const client = OpenFeature.getClient(DOMAIN);
    const manager = await client.getBooleanDetails('dark-mode', false, {
      targetingKey: 'ann',
      role: 'manager',
    });
    expect(manager).toMatchObject({ value: true, reason: 'TARGETING_MATCH', variant: 'on' });
    expect(await client.getBooleanValue('dark-mode', true, { targetingKey: 'bo', role: 'viewer' })).toBe(
      false,
    );
    const banner = await client.getStringDetails('banner', 'none', { targetingKey: 'bo' });
    expect(banner).toMatchObject({ value: 'maintenance', reason: 'STATIC' });
  });

  it('sees a kill switch at once, and falls back to the default for unknown flags and wrong types', async () => {
    const client = OpenFeature.getClient(DOMAIN);
    ok(await svc.gql(TOGGLE, { key: 'dark-mode', on: false }));
    const off = await client.getBooleanDetails('dark-mode', true, { targetingKey: 'ann', role: 'manager' });
    expect(off).toMatchObject({ value: false, reason: 'DISABLED' });
    const missing = await client.getBooleanDetails('no-such-flag', true, { targetingKey: 'ann' });
    expect(missing).toMatchObject({ value: true, errorCode: 'FLAG_NOT_FOUND' });
    const wrongType = await client.getNumberDetails('banner', 7, { targetingKey: 'ann' });
    expect(wrongType).toMatchObject({ value: 7, errorCode: 'TYPE_MISMATCH' });
  });
});
