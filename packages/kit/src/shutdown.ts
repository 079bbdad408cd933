import type { Logger } from './logger.ts';

export type ShutdownStep = { name: string; run: () => Promise<void> };

/**
 * Runs the steps in order on SIGTERM or SIGINT: stop accepting, let in-flight work drain, then close
 * dependencies. A second signal, or the deadline passing, exits at once so an orchestrator is never stuck.
 */
export function installShutdown(
  logger: Logger,
  steps: ShutdownStep[],
  deadlineMs = 10_000,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const shutdown = async (): Promise<void> => {
    running ??= (async () => {
      const timer = setTimeout(() => {
        logger.error('shutdown deadline passed; exiting');
        process.exit(1);
      }, deadlineMs);
      timer.unref();
      for (const step of steps) {
        try {
          await step.run();
          logger.debug({ step: step.name }, 'shutdown step done');
        } catch (err) {
          logger.warn({ err, step: step.name }, 'shutdown step failed');
        }
      }
      clearTimeout(timer);
    })();
    return running;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      logger.warn({ signal }, 'second signal; exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    void shutdown().then(() => process.exit(0));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return shutdown;
}
