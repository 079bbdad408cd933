import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths never written to logs, whatever a handler passes in. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ps-identity"]',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.secret',
  'password',
  'token',
];

export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
