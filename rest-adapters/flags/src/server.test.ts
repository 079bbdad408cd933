import { describe, expect, it } from 'vitest';
import { loadFlagsRestEnv } from './config.ts';
import { flagsHandlers } from './handlers/index.ts';
import { buildFlagsRestService } from './server.ts';

/**
 * The adapter without a gateway (nothing listens on port 1): it must still start, since the swagger and the
 * handlers match, and must refuse invalid requests itself, before any call to the graph.
 */
const env = loadFlagsRestEnv({ LOG_LEVEL: 'silent', PORT: '0', GATEWAY_URL: 'http://127.0.0.1:1/graphql' });

describe('flags REST adapter', () => {
  it('defaults to port 8070 and serves every reference route under its operationId', async () => {
    expect(loadFlagsRestEnv({}).PORT).toBe(8070);
    const service = await buildFlagsRestService(env);
    const routes = service.spec.operations.map((o) => `${o.method} ${o.path}`);
    for (const route of ['GET /flags', 'GET /admin/flags', 'POST /admin/flags', 'POST /admin/toggle/{key}'])
      expect(routes).toContain(route);
    expect(Object.keys(flagsHandlers).sort()).toEqual(
      service.spec.operations.map((o) => o.operationId).sort(),
    );
    await service.close();
  });

  it('refuses invalid input with 400 naming the field, before reaching the gateway', async () => {
    const service = await buildFlagsRestService(env);
    const { app } = service.parts;
    const noUser = await app.inject({ method: 'GET', url: '/flags?role=viewer' });
    expect(noUser.statusCode).toBe(400);
    const badOp = await app.inject({
      method: 'POST',
      url: '/admin/flags',
      payload: {
        id: 'f',
        on: true,
        rules: [{ if: { attr: 'role', op: 'like', value: 'x' }, variation: 'on' }],
      },
    });
    expect(badOp.statusCode).toBe(400);
    expect(badOp.json().error.details[0].field).toMatch(/^rules\[0\]\.if\.op/);
    const noOn = await app.inject({ method: 'POST', url: '/admin/toggle/f', payload: {} });
    expect(noOn.statusCode).toBe(400);
    const good = await app.inject({ method: 'POST', url: '/admin/toggle/f', payload: { on: false } });
    expect(good.statusCode).toBe(503);
    await service.close();
  });
});
