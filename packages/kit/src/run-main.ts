import { runParts } from './host/run-parts.ts';
import { createLogger } from './logger.ts';
import type { ServiceModule } from './service-module.ts';

/**
 * The body of every service's `src/main.ts`: run that one service in this process, reading its configuration from
 * `env`. A bad environment prints the list of problems (an operator fixes them in one pass; a stack trace would bury
 * them); any other start failure prints its stack; either way the process exits 1 so a supervisor sees it. SIGTERM
 * drains and exits 0. The same module also runs beside the others in one process (scripts/host).
 */
export async function runMain(service: ServiceModule, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runParts({
    waves: [[{ module: service, env }]],
    logger: createLogger(service.name, env.LOG_LEVEL ?? 'info'),
  });
}
