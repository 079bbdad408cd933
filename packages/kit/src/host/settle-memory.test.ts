import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const moduleUrl = new URL('./settle-memory.ts', import.meta.url).href;

/**
 * In a fresh process (a heap of its own): start-up-like work that keeps what it allocates grows V8's young
 * generation to its maximum; once the process is quiet, settleMemoryWhenQuiet must get it back to its initial size.
 * Without the settle step the young generation stays grown (checked first, so the test proves the step matters).
 */
const child = (settle: boolean) => `
  import { getHeapSpaceStatistics } from 'node:v8';
  import { settleMemoryWhenQuiet } from ${JSON.stringify(moduleUrl)};
  const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
  const kept = [];
  for (let i = 0; i < 200_000; i++) kept.push({ i, name: 'object ' + i, tags: [i, i + 1] });
  const grown = young();
  if (${settle}) settleMemoryWhenQuiet({ everyMs: 300 });
  const started = Date.now();
  const timer = setInterval(() => {
    if ((${settle} && young() <= 4) || Date.now() - started > ${settle ? 20_000 : 8_000}) {
      clearInterval(timer);
      console.log(JSON.stringify({ grown, after: young(), kept: kept.length }));
    }
  }, 250);
`;

const run = (settle: boolean) => {
  const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child(settle)], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as { grown: number; after: number };
};

describe('settleMemoryWhenQuiet', () => {
  it('gives back the young generation start-up grew, once the process is quiet', () => {
    const without = run(false);
    expect(without.grown).toBeGreaterThan(8);
    expect(without.after).toBeGreaterThan(8);
    const settled = run(true);
    expect(settled.grown).toBeGreaterThan(8);
    expect(settled.after).toBeLessThanOrEqual(4);
  }, 60_000);
});
