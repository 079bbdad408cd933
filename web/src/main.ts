import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ensureBuild } from './server/build.ts';
import { startWebServer } from './server/http-server.ts';
import { log } from './server/log.ts';
import { loadServerEnv } from './server/server-env.ts';

/**
 * The web app as the launcher runs every service (`node --import tsx web/src/main.ts`, PORT and GATEWAY_URL
 * from the registry): build if stale, then serve the production build. `npm run dev` in web/ is for working on
 * the pages instead.
 */
// Found through the workspace's package rather than this file's path, so the folder is right whether this runs
// from web/src (tsx) or compiled elsewhere (the launcher's dist/).
const webDir = dirname(createRequire(import.meta.url).resolve('@polystatus/web/package.json'));

let env: ReturnType<typeof loadServerEnv>;
try {
  env = loadServerEnv(process.env);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}

// The production build runs with production React whatever NODE_ENV the stack was given (tests use `test`);
// the app holds no secret whose checks NODE_ENV would relax.
Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });

try {
  await ensureBuild(webDir);
  const web = await startWebServer({ dir: webDir, host: env.host, port: env.port });
  log('info', 'web app listening', { url: `http://${env.host}:${env.port}` });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const force = setTimeout(() => process.exit(0), 10_000);
      force.unref();
      void web.close().finally(() => process.exit(0));
    });
  }
} catch (err) {
  log('error', 'web app failed to start', { err: (err as Error).message });
  process.exit(1);
}
