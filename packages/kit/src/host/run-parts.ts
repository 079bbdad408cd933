import { EnvError } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { RunningService, ServiceModule } from '../service-module.ts';
import { installShutdown } from '../shutdown.ts';
import { sourcesInProductionProblem } from './build-info.ts';
import { reportPartFailure } from './part-failures.ts';
import { settleMemoryWhenQuiet } from './settle-memory.ts';

/** One service to run in this process, with the environment it reads its configuration from. */
export interface Part {
  module: ServiceModule;
  env: NodeJS.ProcessEnv;
  /** The workspace folder (`subgraphs/incidents`): an uncaught error whose stack runs through it is blamed on it. */
  dir?: string;
}

export interface RunPartsOptions {
  /** Started in order; a wave starts once every part of the previous one answers /readyz. */
  waves: Part[][];
  logger: Logger;
  readyTimeoutMs?: number;
  /** How long the parts may take to drain on stop before the process exits anyway. */
  stopDeadlineMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const describe = (err: unknown): string =>
  err instanceof EnvError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);

async function answersReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Owns the process for the services it runs: builds and starts them wave by wave, stops them all on SIGTERM or
 * SIGINT (dependents first, exit 0), and when one of them fails — while starting, or by an error nobody caught —
 * stops all of them and exits 1. Running on with one part dead would leave a process that looks alive (its other
 * ports answer) but is half a platform; exiting lets the supervisor (the launcher, Docker, systemd) restart it
 * whole. While the others drain, every part's /readyz names the failed one (part-failures.ts).
 */
export async function runParts(opts: RunPartsOptions): Promise<void> {
  const { logger } = opts;
  const all = opts.waves.flat();
  const production = sourcesInProductionProblem(all[0]?.env ?? process.env);
  if (production) {
    process.stderr.write(`${all.map((p) => p.module.name).join(', ')}: ${production}\n`);
    process.exit(1);
  }
  const running: Array<{ part: Part; service: RunningService }> = [];
  let failed = false;
  // Signals drain every part, dependents first, and exit 0; a second signal or the deadline exits at once.
  const stopAll = installShutdown(
    logger,
    [
      {
        name: 'services',
        run: async () => {
          for (const { part, service } of [...running].reverse()) {
            await service
              .close()
              .catch((err) => logger.warn({ err, part: part.module.name }, 'close failed'));
          }
        },
      },
    ],
    opts.stopDeadlineMs,
  );

  const fail = (part: string, err: unknown): void => {
    if (failed) return;
    failed = true;
    reportPartFailure(part, err instanceof Error ? err.message.split('\n')[0]! : String(err));
    process.stderr.write(`${part}: ${err instanceof EnvError ? '' : 'failed: '}${describe(err)}\n`);
    if (all.length > 1)
      process.stderr.write(`stopping the other services of this process (${part} failed)\n`);
    void stopAll().then(() => process.exit(1));
  };

  const blame = (err: unknown): string => {
    const stack = err instanceof Error ? (err.stack ?? '') : '';
    const frame = stack.split('\n').find((line) => all.some((p) => p.dir && line.includes(`/${p.dir}/`)));
    const owner = frame ? all.find((p) => p.dir && frame.includes(`/${p.dir}/`)) : undefined;
    return owner?.module.name ?? (all.length === 1 ? all[0]!.module.name : 'an uncaught error');
  };
  process.on('uncaughtException', (err) => fail(blame(err), err));
  process.on('unhandledRejection', (err) => fail(blame(err), err));

  for (const [i, wave] of opts.waves.entries()) {
    const started = await Promise.all(
      wave.map(async (part) => {
        try {
          const service = await part.module.build(part.env);
          running.push({ part, service });
          return { part, url: await service.listen() };
        } catch (err) {
          fail(part.module.name, err);
          return undefined;
        }
      }),
    );
    if (failed) return;
    if (i === opts.waves.length - 1) {
      settleMemoryWhenQuiet();
      break;
    }
    // The next wave calls these; wait as the launcher would between processes.
    const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
    for (const s of started) {
      while (s && !failed && !(await answersReady(s.url))) {
        if (Date.now() > deadline) {
          fail(s.part.module.name, new Error(`did not answer ${s.url}/readyz in time`));
          return;
        }
        await sleep(100);
      }
    }
  }
}
