import { defineOperation, type Revalidated } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { AnswerReuse } from './answer-reuse.ts';
import type { OperationInput } from './handler.ts';
import type { RestContext, RestHandler } from './service.ts';

const LIST = defineOperation<{ items: number[] }, { n: number }>('query List($n: Int) { items(n: $n) }');
const OTHER = defineOperation<{ other: number }>('query Other { other }');
const WRITE = defineOperation<{ write: boolean }>('mutation Write { write }');

/** A gateway that names each answer by its data's version, and says 304 while the version stands. */
function fakeGateway() {
  const state = { version: 1, reads: [] as string[] };
  const ctx = {
    graphql: async (op: { operationName: string }) => {
      state.reads.push(`graphql ${op.operationName}`);
      return { write: true };
    },
    read: async (
      op: { operationName: string },
      _v: unknown,
      etag?: string,
    ): Promise<Revalidated<unknown>> => {
      state.reads.push(`read ${op.operationName}${etag ? ` ${etag}` : ''}`);
      const current = `"v${state.version}"`;
      if (etag === current) return { notModified: true, etag };
      return { notModified: false, data: { items: [state.version], other: 1 }, etag: current };
    },
    requestId: 'r',
    clientAddress: '127.0.0.1',
    log: undefined as never,
  } as unknown as RestContext;
  return { state, ctx };
}

const input = (query: Record<string, unknown> = {}, authorization = 'Bearer a') =>
  ({ body: undefined, query, params: {}, headers: { authorization }, path: '/items' }) as OperationInput<
    unknown,
    unknown,
    unknown
  >;

const listHandler: RestHandler<unknown, unknown, unknown> = async (_i, ctx) => ({
  body: (await ctx.graphql(LIST, { n: 1 })).items,
});

describe('AnswerReuse', () => {
  it('answers again from what it kept while the gateway says 304, and rebuilds from the fresh answer otherwise', async () => {
    const { state, ctx } = fakeGateway();
    const handler = new AnswerReuse(1 << 20).wrap(listHandler);
    const first = await handler(input(), ctx);
    expect(first.json?.toString()).toBe('[1]');
    expect(await handler(input(), ctx)).toBe(first);
    state.version = 2;
    expect((await handler(input(), ctx)).json?.toString()).toBe('[2]');
    // One call per request: the revalidation's fresh answer feeds the handler.
    expect(state.reads).toEqual(['read List', 'read List "v1"', 'read List "v1"']);
  });

  it('keeps answers apart by caller and parameters', async () => {
    const { state, ctx } = fakeGateway();
    const handler = new AnswerReuse(1 << 20).wrap(listHandler);
    await handler(input({ a: 1 }), ctx);
    await handler(input({ a: 2 }), ctx);
    await handler(input({ a: 1 }, 'Bearer b'), ctx);
    expect(state.reads).toEqual(['read List', 'read List', 'read List']);
  });

  it('keeps nothing built from two reads, from a write, or that is not plain JSON', async () => {
    const { state, ctx } = fakeGateway();
    const reuse = new AnswerReuse(1 << 20);
    const handlers: RestHandler<unknown, unknown, unknown>[] = [
      async (_i, c) => ({
        body: [(await c.graphql(LIST, { n: 1 })).items, (await c.graphql(OTHER, {})).other],
      }),
      async (_i, c) => ({
        body: [(await c.graphql(LIST, { n: 1 })).items, (await c.graphql(WRITE, {})).write],
      }),
      async (_i, c) => ({
        body: `${(await c.graphql(LIST, { n: 1 })).items}`,
        headers: { 'content-type': 'text/html' },
      }),
    ];
    for (const h of handlers) {
      const wrapped = reuse.wrap(h);
      state.reads = [];
      await wrapped(input(), ctx);
      await wrapped(input(), ctx);
      expect(state.reads.some((r) => r.includes('"v'))).toBe(false);
    }
  });

  it('rebuilds a changed answer once for requests arriving together; the others revalidate the new one', async () => {
    const { state, ctx } = fakeGateway();
    let builds = 0;
    const handler = new AnswerReuse(1 << 20).wrap(async (i, c) => {
      builds++;
      return listHandler(i, c);
    });
    await handler(input(), ctx);
    state.version = 2;
    builds = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => handler(input(), ctx)));
    expect(builds).toBe(1);
    for (const a of answers) expect(a.json?.toString()).toBe('[2]');
  });
});
