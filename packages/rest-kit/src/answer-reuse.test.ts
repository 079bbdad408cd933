import {
  DomainError,
  defineOperation,
  RateLimiter,
  type ReuseTerms,
  type Revalidated,
} from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { AnswerReuse } from './answer-reuse.ts';
import type { AnswerStanding } from './answer-versions.ts';
import type { OperationInput } from './handler.ts';
import type { RestContext, RestHandler } from './service.ts';

const LIST = defineOperation<{ items: number[] }, { n: number }>('query List($n: Int) { items(n: $n) }');
const OTHER = defineOperation<{ other: number }>('query Other { other }');
const WRITE = defineOperation<{ write: boolean }>('mutation Write { write }');

/** A gateway that names each answer by its data's version, and says 304 while the version stands. */
function fakeGateway() {
  const state = { version: 1, reads: [] as string[], until: Number.POSITIVE_INFINITY };
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
      // Terms naming the version the gateway read, as of this confirmation.
      const terms: ReuseTerms = { domains: ['users'], version: `v${state.version}`, until: state.until };
      if (etag === current) return { notModified: true, etag, terms };
      return { notModified: false, data: { items: [state.version], other: 1 }, etag: current, terms };
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
    const handler = new AnswerReuse({ maxBytes: 1 << 20 }).wrap(listHandler);
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
    const handler = new AnswerReuse({ maxBytes: 1 << 20 }).wrap(listHandler);
    await handler(input({ a: 1 }), ctx);
    await handler(input({ a: 2 }), ctx);
    await handler(input({ a: 1 }, 'Bearer b'), ctx);
    expect(state.reads).toEqual(['read List', 'read List', 'read List']);
  });

  it('keeps nothing built from two reads, from a write, or that is not plain JSON', async () => {
    const { state, ctx } = fakeGateway();
    const reuse = new AnswerReuse({ maxBytes: 1 << 20 });
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
    const handler = new AnswerReuse({ maxBytes: 1 << 20 }).wrap(async (i, c) => {
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

  describe('without asking the gateway', () => {
    /** Event streams stand-in: terms stand while they name the data's version and have not run out. */
    const streamsOf = (state: { version: number }) => {
      const asked: ReuseTerms[] = [];
      const standing: AnswerStanding = {
        stands: async (terms) => {
          asked.push(terms);
          return terms.version === `v${state.version}` && Date.now() < terms.until;
        },
      };
      return { standing, asked };
    };

    it('sends an answer again while the streams say it stands, and asks the gateway once they moved', async () => {
      const { state, ctx } = fakeGateway();
      const { standing } = streamsOf(state);
      const handler = new AnswerReuse({ maxBytes: 1 << 20, standing }).wrap(listHandler);
      const first = await handler(input(), ctx);
      expect(await handler(input(), ctx)).toBe(first);
      expect(await handler(input(), ctx)).toBe(first);
      expect(state.reads).toEqual(['read List']);
      state.version = 2;
      expect((await handler(input(), ctx)).json?.toString()).toBe('[2]');
      expect(state.reads).toEqual(['read List', 'read List "v1"']);
    });

    it('takes the terms of every confirmation: expired terms send one request to the gateway, then none', async () => {
      const { state, ctx } = fakeGateway();
      const { standing } = streamsOf(state);
      const handler = new AnswerReuse({ maxBytes: 1 << 20, standing }).wrap(listHandler);
      state.until = Date.now() - 1;
      const first = await handler(input(), ctx);
      // The credential's verification ran out: the gateway is asked (and would refuse a revoked caller).
      expect(await handler(input(), ctx)).toBe(first);
      expect(state.reads).toEqual(['read List', 'read List "v1"']);
      state.until = Number.POSITIVE_INFINITY;
      expect(await handler(input(), ctx)).toBe(first);
      expect(await handler(input(), ctx)).toBe(first);
      expect(state.reads).toEqual(['read List', 'read List "v1"', 'read List "v1"']);
    });

    it('asks the gateway when it named no terms, and never for an answer kept for another caller', async () => {
      const { state, ctx } = fakeGateway();
      const { standing, asked } = streamsOf(state);
      const read = ctx.read.bind(ctx);
      const noTerms = {
        ...ctx,
        read: async (...args: Parameters<typeof read>) => ({ ...(await read(...args)), terms: undefined }),
      } as RestContext;
      const handler = new AnswerReuse({ maxBytes: 1 << 20, standing }).wrap(listHandler);
      await handler(input(), noTerms);
      await handler(input(), noTerms);
      expect(asked).toEqual([]);
      expect(state.reads).toEqual(['read List', 'read List "v1"']);
      await handler(input({}, 'Bearer b'), ctx);
      expect(state.reads).toHaveLength(3);
    });

    it('charges what it sends on its own to the client rate limit', async () => {
      const { state, ctx } = fakeGateway();
      const { standing } = streamsOf(state);
      const limiter = new RateLimiter({ perSecond: 0.001, burst: 2 });
      const handler = new AnswerReuse({ maxBytes: 1 << 20, standing, limiter }).wrap(listHandler);
      await handler(input(), ctx);
      await handler(input(), ctx);
      await handler(input(), ctx);
      const refused = await handler(input(), ctx).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('RATE_LIMITED');
      expect(state.reads).toEqual(['read List']);
    });
  });
});
