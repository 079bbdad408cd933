import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadIncidentsRestEnv } from './config.ts';
import { incidentsHandlers } from './handlers/index.ts';
import { buildIncidentsRestService, INCIDENTS_SWAGGER } from './server.ts';

/**
 * The adapter without a gateway (nothing listens on port 1): it must still start, since the swagger and the
 * handlers match, and must refuse invalid requests itself, before any call to the graph.
 */
const env = loadIncidentsRestEnv({
  LOG_LEVEL: 'silent',
  PORT: '0',
  GATEWAY_URL: 'http://127.0.0.1:1/graphql',
});

describe('incidents REST adapter', () => {
  it('defaults to port 8081 and the local gateway', () => {
    const defaults = loadIncidentsRestEnv({});
    expect([defaults.PORT, defaults.GATEWAY_URL]).toEqual([8081, 'http://127.0.0.1:4000/graphql']);
  });

  it('serves every reference route under its operationId and nothing else', async () => {
    const service = await buildIncidentsRestService(env);
    const routes = service.spec.operations.map((o) => `${o.method} ${o.path}`).sort();
    for (const route of [
      'POST /api/v1/incidents',
      'GET /api/v1/incidents',
      'GET /api/v1/incidents/{id}',
      'POST /api/v1/incidents/{id}/assign',
      'POST /api/v1/incidents/{id}/status',
      'POST /api/v1/incidents/{id}/timeline',
      'POST /api/v1/incidents/{id}/postmortem',
    ]) {
      expect(routes).toContain(route);
    }
    expect(Object.keys(incidentsHandlers).sort()).toEqual(
      service.spec.operations.map((o) => o.operationId).sort(),
    );
    expect(service.spec.operations.find((o) => o.operationId === 'createIncident')?.successStatus).toBe(201);
    await service.close();
  });

  it('refuses invalid input with 400 without reaching the gateway, and a real call with 503', async () => {
    const service = await buildIncidentsRestService(env);
    const { app } = service.parts;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { title: 'x', sev: 7 },
    });
    expect(bad.statusCode).toBe(400);
    const good = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { title: 'x', sev: 2 },
    });
    expect(good.statusCode).toBe(503);
    await service.close();
  });

  it('refuses to start when the handlers and the swagger disagree', async () => {
    const { createRestAdapterService } = await import('@polystatus/rest-kit');
    const { getPostmortem: _dropped, ...fewer } = incidentsHandlers;
    await expect(
      createRestAdapterService({ name: 't', env, swaggerPath: INCIDENTS_SWAGGER, handlers: fewer }),
    ).rejects.toThrow('operations without a handler: getPostmortem');
  });

  it('hands the gateway the client behind a trusted proxy, and the peer itself otherwise', async () => {
    // A stand-in gateway that records which client each call was made for.
    const seen: (string | undefined)[] = [];
    const gateway = createServer((req, res) => {
      seen.push(req.headers['x-forwarded-for'] as string | undefined);
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { incident: null } }));
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/graphql`;
    const get = (service: Awaited<ReturnType<typeof buildIncidentsRestService>>) =>
      service.parts.app.inject({
        method: 'GET',
        url: '/api/v1/incidents/INC-ABCDEF1',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        remoteAddress: '127.0.0.1',
      });
    const behindProxy = await buildIncidentsRestService({ ...env, GATEWAY_URL: url });
    expect((await get(behindProxy)).statusCode).toBe(404);
    await behindProxy.close();
    const trustNobody = await buildIncidentsRestService(
      loadIncidentsRestEnv({ LOG_LEVEL: 'silent', PORT: '0', GATEWAY_URL: url, TRUSTED_PROXIES: 'none' }),
    );
    await get(trustNobody);
    await trustNobody.close();
    gateway.close();
    expect(seen).toEqual(['203.0.113.9', '127.0.0.1']);
  });
});
