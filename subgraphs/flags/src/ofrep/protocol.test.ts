import { describe, expect, it } from 'vitest';
import { compileFlag } from '../domain/evaluate.ts';
import type { FlagDefinition } from '../domain/flag.ts';
import { validateFlag } from '../domain/validation.ts';
import { bulkBody, bulkEtag, outcomeBody } from './protocol.ts';

const flag = (over: Partial<FlagDefinition> & { id: string }) =>
  compileFlag(validateFlag({ on: true, ...over }));

describe('OFREP bodies', () => {
  const checkout = flag({
    id: 'checkout',
    kind: 'multivar',
    variations: ['classic', 'new'],
    targets: { users: { vip: 'new' } },
    fallthrough: {
      rollout: [
        { variation: 'new', weight: 50 },
        { variation: 'classic', weight: 50 },
      ],
    },
  });

  it('writes each flag’s success or failure shape into the bulk answer', () => {
    const body = bulkBody([
      checkout.evaluate({ targetingKey: 'vip' }),
      checkout.evaluate({}),
      flag({ id: 'dark', on: false }).evaluate({}),
    ]);
    expect(JSON.parse(body)).toEqual({
      flags: [
        { key: 'checkout', value: 'new', variant: 'new', reason: 'TARGETING_MATCH', metadata: {} },
        {
          key: 'checkout',
          errorCode: 'TARGETING_KEY_MISSING',
          errorDetails: 'flag checkout splits users by percentage and needs a targetingKey',
        },
        { key: 'dark', value: false, variant: 'off', reason: 'DISABLED', metadata: {} },
      ],
    });
    expect(bulkBody([])).toBe('{"flags":[]}');
  });

  it('serves the new answer once a flag is compiled again, not the text cached for the old one', () => {
    const before = outcomeBody(flag({ id: 'banner', fallthrough: { variation: 'off' } }).evaluate({}));
    const after = outcomeBody(flag({ id: 'banner', fallthrough: { variation: 'on' } }).evaluate({}));
    expect(JSON.parse(before)).toMatchObject({ value: false, reason: 'STATIC' });
    expect(JSON.parse(after)).toMatchObject({ value: true, reason: 'STATIC' });
  });
});

describe('the bulk ETag', () => {
  const request = (context: object) => JSON.stringify({ context });

  it('is the same for the same snapshot revision and request', () => {
    expect(bulkEtag('r1', request({ targetingKey: 'u1' }))).toBe(
      bulkEtag('r1', request({ targetingKey: 'u1' })),
    );
  });

  it('changes with the context', () => {
    const etags = new Set(
      [
        request({ targetingKey: 'u1' }),
        request({ targetingKey: 'u2' }),
        request({ targetingKey: 'u1', role: 'admin' }),
        request({}),
        undefined,
      ].map((raw) => bulkEtag('r1', raw)),
    );
    expect(etags.size).toBe(5);
  });

  it('changes with the snapshot revision', () => {
    expect(bulkEtag('r1', request({ targetingKey: 'u1' }))).not.toBe(
      bulkEtag('r2', request({ targetingKey: 'u1' })),
    );
  });
});
