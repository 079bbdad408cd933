import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { log } from './log.ts';

/**
 * `npm start` serves the production build, building it first when it is missing or older than the sources, so a
 * fresh clone starts without a separate step and a later start after an edit serves the edit. One build at a
 * time per checkout: parallel stacks (the end-to-end suite) wait for the build another process is making.
 */
const SOURCES = ['src', 'next.config.ts', 'package.json', 'tsconfig.json'];
const LOCK = '.next-build.lock';

const newestMtime = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
};

/**
 * Dates the build as of when it started reading the sources, not when it ended: a source saved while `next build`
 * ran (a minute or more) may not be in it, and must make the next start build again.
 */
export function stampBuild(webDir: string, startedMs: number): void {
  const at = startedMs / 1000;
  utimesSync(join(webDir, '.next', 'BUILD_ID'), at, at);
}

/** True when `.next/BUILD_ID` exists and no source is newer. */
export function isBuildFresh(webDir: string): boolean {
  const buildId = join(webDir, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(webDir, s)) <= built);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** An exclusive directory lock holding the builder's pid; a lock left by a dead process is taken over. */
function tryLock(webDir: string): boolean {
  const dir = join(webDir, LOCK);
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), String(process.pid));
    return true;
  } catch {
    const pid = Number(existsSync(join(dir, 'pid')) ? readFileSync(join(dir, 'pid'), 'utf8') : 0);
    if (pid && !alive(pid)) rmSync(dir, { recursive: true, force: true });
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function runNextBuild(webDir: string): Promise<void> {
  const nextBin = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: webDir,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output}`)),
    );
  });
}

export async function ensureBuild(webDir: string): Promise<'fresh' | 'built'> {
  for (;;) {
    if (isBuildFresh(webDir)) return 'fresh';
    if (tryLock(webDir)) break;
    await sleep(500);
  }
  try {
    // Another process may have finished the build while this one waited for the lock.
    if (isBuildFresh(webDir)) return 'fresh';
    const started = Date.now();
    log('info', 'building the web app (next build): the sources changed or no build exists yet');
    await runNextBuild(webDir);
    stampBuild(webDir, started);
    log('info', 'web app built', { ms: Date.now() - started });
    return 'built';
  } finally {
    rmSync(join(webDir, LOCK), { recursive: true, force: true });
  }
}
