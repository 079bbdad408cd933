import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBuildFresh, stampBuild } from './build.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A web directory whose one source was saved at `sourceAt` and whose build finished at `builtAt` (ms). */
function webDir(sourceAt: number, builtAt: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'polystatus-web-build-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, '.next'));
  writeFileSync(join(dir, 'src', 'page.tsx'), '');
  writeFileSync(join(dir, '.next', 'BUILD_ID'), 'x');
  utimesSync(join(dir, 'src', 'page.tsx'), sourceAt / 1000, sourceAt / 1000);
  utimesSync(join(dir, 'src'), sourceAt / 1000, sourceAt / 1000);
  utimesSync(join(dir, '.next', 'BUILD_ID'), builtAt / 1000, builtAt / 1000);
  return dir;
}

describe('the build stamp', () => {
  const start = Date.parse('2026-11-27T15:00:00Z');

  it('is fresh when every source predates the build', () => {
    const dir = webDir(start - 60_000, start + 90_000);
    stampBuild(dir, start);
    expect(isBuildFresh(dir)).toBe(true);
  });

  it('is stale when a source was saved while the build ran', () => {
    // Saved 30 s into a 90 s build: BUILD_ID, written at the end, is newer, yet the build may not hold the edit.
    const dir = webDir(start + 30_000, start + 90_000);
    expect(isBuildFresh(dir)).toBe(true); // what the end-of-build date alone would conclude
    stampBuild(dir, start);
    expect(isBuildFresh(dir)).toBe(false);
  });
});
