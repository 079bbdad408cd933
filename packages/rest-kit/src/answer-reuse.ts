import { isDeepStrictEqual } from 'node:util';
import { type GraphQLOperation, type Revalidated, SizedLru, sentManyTimes } from '@polystatus/kit';
import { Counter, type Registry } from 'prom-client';
import type { RestResult } from './handler.ts';
import type { RestContext, RestHandler } from './service.ts';

/** A GET answer built from exactly one reusable gateway answer, and what it was built from. */
interface Kept {
  op: GraphQLOperation<unknown, unknown>;
  variables: unknown;
  /** The gateway's name for the answer it was built from. */
  etag: string;
  /**
   * The REST answer, its body already JSON and encoded: sent again many times, a Buffer costs the socket a fraction
   * of what a large string does (kit compression.ts), and its compressed forms are made once.
   */
  result: RestResult & { json: Buffer };
}

interface Read {
  op: GraphQLOperation<unknown, unknown>;
  variables: unknown;
  answer: Revalidated<unknown>;
}

const keptSize = (key: string, kept: Kept) => key.length + kept.result.json.length;
const isQuery = (op: GraphQLOperation<unknown, unknown>) => /^\s*query\b/.test(op.query);

/**
 * Reuses a GET answer this adapter built, for as long as the gateway says the one GraphQL answer it was built from
 * still stands: the next identical request (same caller, path and parameters) sends that query again as a
 * conditional GET, and on "304 Not Modified" gets the same body without reading, mapping or serializing 500
 * incidents again (docs/performance.md). On any other answer the handler runs with the fresh data (no second
 * call). Whether an answer may be reused is decided by the gateway alone (it names only reusable answers with an
 * ETag: gateway/src/response-cache), and the gateway authenticates every revalidation, so a revoked caller is
 * refused and one caller's answer is never checked against another's.
 *
 * Only handlers that make exactly one query and answer JSON are kept; streams, HTML and writes never are. A
 * request with `Cache-Control: no-cache` (or `no-store`) is built afresh.
 */
export class AnswerReuse {
  private readonly kept: SizedLru<Kept>;
  /** Answers being built now, by key. */
  private readonly building = new Map<string, Promise<void>>();
  private readonly outcomes: Counter<'outcome'> | undefined;

  constructor(maxBytes: number, registry?: Registry) {
    this.kept = new SizedLru(maxBytes, Math.min(maxBytes / 4, 8 * 1024 * 1024), keptSize);
    this.outcomes = registry
      ? new Counter({
          name: 'rest_answer_reuse_total',
          help: 'GET answers by what answer reuse did: reused (the gateway said 304), rebuilt (it had changed), kept (built and kept), not kept',
          labelNames: ['outcome'],
          registers: [registry],
        })
      : undefined;
  }

  wrap(handler: RestHandler<unknown, unknown, unknown>): RestHandler<unknown, unknown, unknown> {
    return async (input, ctx) => {
      // A client asking for a fresh answer gets one built afresh (and the gateway is told so: service.ts).
      if (/\bno-(?:cache|store)\b/i.test(input.headers['cache-control'] ?? '')) return handler(input, ctx);
      const key = JSON.stringify([
        input.headers.authorization ?? null,
        input.path,
        input.query,
        input.params,
      ]);
      let primed: Read | undefined;
      // After a change, the connections polling one list all find their kept answer stale at once: the first
      // rebuilds it, the others wait for that and revalidate the new one (a 304) instead of each rebuilding.
      for (let attempt = 0; attempt < 2; attempt++) {
        await this.building.get(key);
        const kept = this.kept.get(key);
        if (!kept) break;
        const answer = await ctx.read(kept.op, kept.variables, kept.etag);
        if (answer.notModified) {
          this.outcomes?.inc({ outcome: 'reused' });
          return kept.result;
        }
        primed = { op: kept.op, variables: kept.variables, answer };
        // Another request may have rebuilt it from this very gateway answer while this one waited for it.
        const rebuilt = this.kept.get(key);
        if (rebuilt && rebuilt.etag === answer.etag) {
          this.outcomes?.inc({ outcome: 'reused' });
          return rebuilt.result;
        }
        if (!this.building.has(key)) break;
      }
      // Only a kept answer says the handler is reusable; others are never waited for (nothing would be kept).
      if (!primed) return this.build(key, handler, input, ctx, undefined);
      this.outcomes?.inc({ outcome: 'rebuilt' });
      let built!: () => void;
      const building = new Promise<void>((resolve) => {
        built = resolve;
      });
      this.building.set(key, building);
      try {
        return await this.build(key, handler, input, ctx, primed);
      } finally {
        built();
        if (this.building.get(key) === building) this.building.delete(key);
      }
    };
  }

  private async build(
    key: string,
    handler: RestHandler<unknown, unknown, unknown>,
    input: Parameters<RestHandler<unknown, unknown, unknown>>[0],
    ctx: RestContext,
    primedRead: Read | undefined,
  ): Promise<RestResult> {
    let primed = primedRead;
    const reads: Read[] = [];
    let other = false;
    const recording: RestContext = {
      ...ctx,
      graphql: async (op, variables, renames) => {
        if (!isQuery(op)) {
          other = true;
          return ctx.graphql(op, variables, renames);
        }
        let answer: Revalidated<unknown>;
        if (primed && primed.op === op && isDeepStrictEqual(primed.variables, variables)) {
          answer = primed.answer;
          primed = undefined;
        } else {
          answer = await ctx.read(op, variables, undefined, renames);
        }
        // Only a read given an ETag can come back not-modified, and the primed one did not.
        if (answer.notModified) throw new Error('unexpected not-modified answer');
        reads.push({ op, variables, answer });
        return answer.data as never;
      },
    };
    const result = await handler(input, recording);
    const only = reads.length === 1 && !other ? reads[0]! : undefined;
    const etag = only && !only.answer.notModified ? only.answer.etag : undefined;
    if (!only || !etag || !isPlainJson(result)) {
      this.kept.delete(key);
      this.outcomes?.inc({ outcome: 'not kept' });
      return result;
    }
    const json = sentManyTimes(Buffer.from(JSON.stringify(result.body), 'utf8'));
    const answer = { ...result, body: undefined, json };
    this.kept.set(key, { op: only.op, variables: only.variables, etag, result: answer });
    this.outcomes?.inc({ outcome: 'kept' });
    return answer;
  }
}

/** A body Fastify would send as JSON, with no headers that say otherwise. */
function isPlainJson(result: RestResult): boolean {
  const body = result.body;
  if (body === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return false;
  if (typeof (body as { pipe?: unknown }).pipe === 'function') return false;
  return !Object.keys(result.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
}
