/**
 * JSON lines in pino's shape (level, time, msg), like every other service, so the launcher shows them the same
 * way. The web server logs little: start, build, stop, failures.
 */
const LEVELS = { info: 30, warn: 40, error: 50 } as const;

export const log = (level: keyof typeof LEVELS, msg: string, fields: Record<string, unknown> = {}): void => {
  const line = JSON.stringify({ level: LEVELS[level], time: Date.now(), name: 'web', msg, ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
};
