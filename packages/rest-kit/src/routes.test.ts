import { createHttpServer, createLogger, createMetrics } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import type { HandlerMap, OperationInput, RestResult } from './handler.ts';
import { parseSpec } from './openapi/load.ts';
import { checkHandlers, registerOperations } from './routes.ts';

const SPEC = parseSpec(`openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - { in: query, name: size, schema: { type: integer, minimum: 1, maximum: 4, default: 2 } }
        - { in: query, name: tag, schema: { type: array, items: { type: string } } }
      responses:
        '200': { description: ok, headers: { X-Next-Cursor: { schema: { type: string } } } }
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [name, size]
              properties:
                name: { type: string, minLength: 1 }
                size: { type: integer, minimum: 1, maximum: 4 }
                kind: { type: string, enum: [small, big] }
      responses:
        '201': { description: created }
        '202': { description: queued }
  /things/{id}/touch:
    post:
      operationId: touchThing
      parameters: [{ in: path, name: id, required: true, schema: { type: string, pattern: '^T-' } }]
      requestBody:
        content: { application/json: { schema: { type: object, properties: { note: { type: string } } } } }
      responses:
        '200': { description: touched }
`);

type Ctx = { seen: OperationInput[] };

function appWith(handlers: HandlerMap<Ctx>, bodyLimit = 1024) {
  const app = createHttpServer({
    logger: createLogger('t', 'silent'),
    metrics: createMetrics('t'),
    bodyLimit,
  });
  const ctx: Ctx = { seen: [] };
  registerOperations(app, { operations: SPEC.operations, handlers, context: () => ctx });
  return { app, ctx };
}

const echo = (result: (input: OperationInput) => RestResult = (input) => ({ body: input })) => {
  return async (input: OperationInput, ctx: Ctx) => {
    ctx.seen.push(input);
    return result(input);
  };
};
const allEcho = (): HandlerMap<Ctx> => ({ listThings: echo(), createThing: echo(), touchThing: echo() });

const issues = (res: { json(): { error: { details: { field: string; issue: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

describe('checkHandlers', () => {
  it('refuses to start when an operation has no handler or a handler has no operation', () => {
    expect(() => checkHandlers(SPEC.operations, { listThings: 1, createThing: 1 })).toThrow(
      'operations without a handler: touchThing',
    );
    expect(() =>
      checkHandlers(SPEC.operations, { listThings: 1, createThing: 1, touchThing: 1, deleteThing: 1 }),
    ).toThrow('handlers without an operation: deleteThing');
    expect(() =>
      checkHandlers(SPEC.operations, { listThings: 1, createThing: 1, touchThing: 1 }),
    ).not.toThrow();
  });
});

describe('registerOperations', () => {
  it('answers with the lowest documented 2xx and hands the handler the validated parts', async () => {
    const { app, ctx } = appWith(allEcho());
    const res = await app.inject({ method: 'POST', url: '/things', payload: { name: 'a', size: 2 } });
    expect(res.statusCode).toBe(201);
    expect(ctx.seen[0]).toMatchObject({ body: { name: 'a', size: 2 }, path: '/things' });
  });

  it('reads query values as the declared types, applies defaults, and takes a lone value as a one-item array', async () => {
    const { app, ctx } = appWith(allEcho());
    const res = await app.inject({ method: 'GET', url: '/things?tag=x&unknown=1' });
    expect(res.statusCode).toBe(200);
    expect(ctx.seen[0]!.query).toEqual({ size: 2, tag: ['x'], unknown: '1' });
    await app.inject({ method: 'GET', url: '/things?size=3&tag=x&tag=y' });
    expect(ctx.seen[1]!.query).toEqual({ size: 3, tag: ['x', 'y'] });
  });

  it.each([
    ['a missing field', { size: 2 }, ['name']],
    ['a number sent as a string', { name: 'a', size: '2' }, ['size']],
    ['a number out of range', { name: 'a', size: 7 }, ['size']],
    ['an unknown enum value', { name: 'a', size: 2, kind: 'huge' }, ['kind']],
    ['an unknown field', { name: 'a', size: 2, colour: 'red' }, ['colour']],
    ['several problems', { name: '', size: 0 }, ['name', 'size']],
  ])(
    'refuses %s in a body with 400 naming the field, without calling the handler',
    async (_n, payload, fields) => {
      const { app, ctx } = appWith(allEcho());
      const res = await app.inject({ method: 'POST', url: '/things', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(issues(res).sort()).toEqual(fields);
      expect(ctx.seen).toHaveLength(0);
    },
  );

  it('refuses malformed JSON and an oversized body as `body`', async () => {
    const { app } = appWith(allEcho(), 64);
    const headers = { 'content-type': 'application/json' };
    const bad = await app.inject({ method: 'POST', url: '/things', headers, payload: '{"name": ' });
    const big = await app.inject({
      method: 'POST',
      url: '/things',
      headers,
      payload: JSON.stringify({ name: 'x'.repeat(100), size: 1 }),
    });
    expect([bad.statusCode, big.statusCode]).toEqual([400, 400]);
    expect(issues(bad)).toEqual(['body']);
    expect(issues(big)).toEqual(['body']);
  });

  it('validates query strings and path parameters, naming them', async () => {
    const { app } = appWith(allEcho());
    const query = await app.inject({ method: 'GET', url: '/things?size=9' });
    expect(issues(query)).toEqual(['size']);
    const path = await app.inject({ method: 'POST', url: '/things/X-1/touch' });
    expect(path.statusCode).toBe(400);
    expect(issues(path)).toEqual(['id']);
  });

  it('lets an optional body be absent but still validates one that is sent', async () => {
    const { app } = appWith(allEcho());
    expect((await app.inject({ method: 'POST', url: '/things/T-1/touch' })).statusCode).toBe(200);
    const bad = await app.inject({ method: 'POST', url: '/things/T-1/touch', payload: { note: 5 } });
    expect(issues(bad)).toEqual(['note']);
  });

  it('sends another documented status and documented headers, and refuses undocumented ones as 500', async () => {
    const handlers = allEcho();
    handlers.createThing = echo(() => ({ status: 202, body: { queued: true } }));
    handlers.listThings = echo(() => ({ body: [], headers: { 'X-Next-Cursor': 'c2' } }));
    const { app } = appWith(handlers);
    const queued = await app.inject({ method: 'POST', url: '/things', payload: { name: 'a', size: 1 } });
    expect(queued.statusCode).toBe(202);
    const listed = await app.inject({ method: 'GET', url: '/things' });
    expect(listed.headers['x-next-cursor']).toBe('c2');

    handlers.createThing = echo(() => ({ status: 200, body: {} }));
    handlers.listThings = echo(() => ({ body: [], headers: { 'x-secret': '1' } }));
    const drifted = appWith(handlers).app;
    const status = await drifted.inject({ method: 'POST', url: '/things', payload: { name: 'a', size: 1 } });
    const header = await drifted.inject({ method: 'GET', url: '/things' });
    expect([status.statusCode, header.statusCode]).toEqual([500, 500]);
    expect(header.headers['x-secret']).toBeUndefined();
  });
});
