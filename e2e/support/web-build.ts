import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * Vitest global setup of the e2e project: the web app's production build, made once (when stale) before any stack
 * starts, rather than inside the first stack's readiness window (the launcher runs `web/src/main.ts`, which
 * builds first when it must).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'web/src/build.ts'], { cwd: ROOT, stdio: 'inherit' });
}
