import type { FormattedExecutionResult } from 'graphql';
import type { Outlet } from '../subscriber.ts';

/** An Outlet that keeps what it is sent, for tests that speak to the hub without a socket. */
export function recordingOutlet(buffered = 0) {
  const sent: string[] = [];
  const overflows: string[] = [];
  let read = 0;
  let wake: (() => void) | null = null;
  const outlet: Outlet = {
    send: (json) => {
      sent.push(json);
      wake?.();
    },
    bufferedBytes: () => buffered,
    overflow: (reason) => void overflows.push(reason),
  };
  /** The next result sent, parsed; fails after a second. */
  const next = async (): Promise<FormattedExecutionResult> => {
    const deadline = Date.now() + 1000;
    while (read >= sent.length) {
      if (Date.now() > deadline) throw new Error(`no result within 1s (sent so far: ${sent.length})`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 20);
      });
    }
    return JSON.parse(sent[read++]!) as FormattedExecutionResult;
  };
  return { outlet, sent, overflows, next };
}
