import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceSwaggersDir, repoRoot, whenReferenceMissing } from './reference-contract.ts';

describe('reference contract location', () => {
  it('finds the repository root from the file, whatever the working directory', () => {
    const root = repoRoot();
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces).toBeDefined();
    expect(existsSync(join(root, 'swaggers'))).toBe(true);
    expect(referenceSwaggersDir(root)).toBe(join(root, '..', 'shared', 'reference', 'swaggers'));
  });

  it('fails under CI when the reference is missing, and skips only outside it', () => {
    // The environment is passed in: the test itself runs under CI=true there.
    expect(whenReferenceMissing({ CI: 'true' })).toBe('fail');
    expect(whenReferenceMissing({ CI: '1' })).toBe('fail');
    expect(whenReferenceMissing({})).toBe('skip');
    expect(whenReferenceMissing({ CI: 'false' })).toBe('skip');
  });
});
