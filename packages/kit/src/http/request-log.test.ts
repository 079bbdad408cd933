import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics.ts';
import { createHttpServer } from './server.ts';

/** A server whose access log is kept in memory, at every level, to see which level each answer is logged at. */
function recordedServer(ready: () => Promise<void>) {
  const lines: { level: number; route: string; status: number }[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const app = createHttpServer({
    logger,
    metrics: createMetrics('log-test'),
    bodyLimit: 1024,
    readiness: { dep: ready },
  });
  app.get('/things', async () => ({ ok: true }));
  const levelOf = (route: string) =>
    lines.filter((l) => l.route === route).map((l) => pino.levels.labels[l.level]);
  return { app, levelOf };
}

describe('access log', () => {
  it('logs probes that answer at debug, so the default info level does not print one line per probe', async () => {
    const { app, levelOf } = recordedServer(async () => {});
    for (const url of ['/healthz', '/readyz', '/metrics', '/things'])
      expect((await app.inject({ url })).statusCode).toBe(200);
    expect(['/healthz', '/readyz', '/metrics'].map(levelOf)).toEqual([['debug'], ['debug'], ['debug']]);
    expect(levelOf('/things')).toEqual(['info']);
  });

  it('still logs a failing probe, at error', async () => {
    const { app, levelOf } = recordedServer(async () => {
      throw new Error('redis down');
    });
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
    expect(levelOf('/readyz')).toEqual(['error']);
  });
});
