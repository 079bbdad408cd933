import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Calls `onLine` for every line the child writes to stdout or stderr. */
export function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', onLine);
  }
}

export const hasExited = (child: ChildProcess): boolean =>
  child.exitCode !== null || child.signalCode !== null;

export const exited = (child: ChildProcess): Promise<void> =>
  hasExited(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * SIGTERM, then SIGKILL if the child is still there after `deadlineMs`. Services drain in-flight requests on
 * SIGTERM (the kit's shutdown gives itself 10 s), so the deadline sits above that.
 */
export async function stopChild(child: ChildProcess, deadlineMs: number): Promise<'exited' | 'killed'> {
  if (hasExited(child)) return 'exited';
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  const result = await Promise.race([exited(child).then(() => 'exited' as const), late]);
  clearTimeout(timer);
  if (result === 'exited') return 'exited';
  child.kill('SIGKILL');
  await exited(child);
  return 'killed';
}
