import { EnvError } from './env.ts';

/**
 * The body of every service's `main.ts`: build the service, listen, and on failure say why in one place. A bad
 * environment prints the list of problems (an operator fixes them in one pass; a stack trace would bury them);
 * anything else prints its stack. Either way the process exits 1 so a supervisor sees the failure.
 */
export async function runMain(
  name: string,
  start: () => Promise<{ listen(): Promise<unknown> }>,
): Promise<void> {
  try {
    const service = await start();
    await service.listen();
  } catch (err) {
    const why =
      err instanceof EnvError
        ? err.message
        : `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    process.stderr.write(`${name}: ${why}\n`);
    process.exit(1);
  }
}
