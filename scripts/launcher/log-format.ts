import { createRequire } from 'node:module';
import type { prettyFactory as PrettyFactory } from 'pino-pretty';

export type LogFormat = 'pretty' | 'json';

/**
 * How the launcher shows its children's log lines: `LOG_FORMAT` when set, else readable in a terminal and JSON
 * (as the services write it, for collectors) when the output goes to a file or a pipe. An unknown value is
 * reported in `problem` and treated as unset, so a typo never stops the stack.
 */
export function logFormat(
  value: string | undefined,
  isTty: boolean,
): { format: LogFormat; problem?: string } {
  const fallback: LogFormat = isTty ? 'pretty' : 'json';
  if (value === undefined || value === '') return { format: fallback };
  if (value === 'pretty' || value === 'json') return { format: value };
  return {
    format: fallback,
    problem: `LOG_FORMAT must be "pretty" or "json", not "${value}"; using ${fallback}`,
  };
}

interface PinoLine {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

const isPinoLine = (value: unknown): value is PinoLine =>
  typeof value === 'object' && value !== null && typeof (value as PinoLine).level === 'number';

/**
 * Turns one pino JSON line into readable text: time, level, message and the other fields on one line, then an
 * error's stack indented below it. The services always write JSON and the launcher formats it here, once for
 * all of them, instead of each child running pino-pretty. Anything that is not a pino line comes back unchanged.
 */
export function prettyPrinter(colorize: boolean): (line: string) => string {
  // Loaded only when asked for: pino-pretty and its dependencies cost the launcher about 10 MB, which a stack
  // logging JSON (a container, a pipe) never needs.
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as {
    prettyFactory: typeof PrettyFactory;
  };
  const pretty = prettyFactory({
    colorize,
    singleLine: true,
    // The launcher's prefix already names the service.
    ignore: 'pid,hostname,service,name',
    translateTime: 'SYS:HH:MM:ss.l',
  });
  return (line) => {
    if (!line.startsWith('{')) return line;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return line;
    }
    if (!isPinoLine(parsed)) return line;
    const { err, ...rest } = parsed;
    // pino-pretty spreads an `err` object over several lines; the message joins the line, the stack goes below.
    const head = pretty(
      err ? { ...rest, msg: `${rest.msg ?? ''}: ${err.type ?? 'Error'}: ${err.message ?? ''}` } : rest,
    ).trimEnd();
    const stack = err?.stack?.split('\n').slice(1) ?? [];
    return [head, ...stack.map((frame) => `    ${frame.trim()}`)].join('\n');
  };
}
