import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ensureBuild } from './server/build.ts';

/**
 * `npm run build:if-stale` in web/ (and the e2e suite's global setup): the production build, made only when it
 * is missing or older than the sources. `web/src/main.ts` does the same before serving.
 */
const webDir = dirname(createRequire(import.meta.url).resolve('@polystatus/web/package.json'));
try {
  console.log(`web: build ${await ensureBuild(webDir)}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
