import { describe, expect, it } from 'vitest';
import type { Flag, FlagDefinition } from '../domain/flag.ts';
import { validateFlag } from '../domain/validation.ts';
import { FlagSnapshot } from './snapshot.ts';

const stored = (id: string, version: number, over: Partial<FlagDefinition> = {}): Flag => ({
  ...validateFlag({ id, on: true, ...over }),
  version,
  createdAt: 1_000,
  updatedAt: 1_000 + version,
  updatedBy: 'admin-1',
});

const loaded = (flags: Flag[]) => {
  const snapshot = new FlagSnapshot();
  snapshot.replaceAll(flags, '0-0');
  return snapshot;
};

describe('the snapshot revision (the content part of the bulk ETag)', () => {
  it('is the same for the same flags, whatever the order or stream position they were loaded from', () => {
    const a = new FlagSnapshot();
    a.replaceAll([stored('alpha', 1), stored('beta', 2)], '5-0');
    const b = new FlagSnapshot();
    b.replaceAll([stored('beta', 2)], '1-0');
    b.apply(stored('alpha', 1));
    b.advanceTo('9-0');
    expect(a.revision).toBe(b.revision);
    expect(b.evaluateAll({}).map((o) => o.key)).toEqual(['alpha', 'beta']);
  });

  it('changes with a newer version of a flag, and not with a stale or repeated one', () => {
    const snapshot = loaded([stored('alpha', 1), stored('beta', 1)]);
    const before = snapshot.revision;
    expect(snapshot.apply(stored('alpha', 1, { on: false }))).toBe(false);
    expect(snapshot.revision).toBe(before);
    expect(snapshot.apply(stored('alpha', 2, { on: false }))).toBe(true);
    expect(snapshot.revision).not.toBe(before);
    expect(snapshot.evaluate('alpha', {})).toMatchObject({ reason: 'DISABLED' });
  });

  it('differs between replicas that each applied a different write of their own', () => {
    // Both started from the same load and each applied one local write the other has not read yet: a counter
    // of changes (or the stream position) would be equal on both, the flags they answer from are not.
    const base = [stored('alpha', 1), stored('beta', 1)];
    const one = loaded(base);
    const two = loaded(base);
    one.apply(stored('alpha', 2, { on: false }));
    two.apply(stored('beta', 2, { on: false }));
    expect(one.revision).not.toBe(two.revision);
  });

  it('tells a flag recreated at the same version apart by its write time', () => {
    const lost = loaded([stored('alpha', 1)]);
    const recreated = loaded([{ ...stored('alpha', 1, { on: false }), updatedAt: 9_999 }]);
    expect(lost.revision).not.toBe(recreated.revision);
  });
});
