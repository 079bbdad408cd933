import { isDeepStrictEqual } from 'node:util';
import {
  DomainError,
  type GraphQLOperation,
  type RateLimiter,
  type ReuseTerms,
  type Revalidated,
  SizedLru,
  sentManyTimes,
} from '@polystatus/kit';
import { Counter, type Registry } from 'prom-client';
import type { AnswerStanding } from './answer-versions.ts';
import type { RestResult } from './handler.ts';
import type { RestContext, RestHandler } from './service.ts';

/** A GET answer built from exactly one reusable gateway answer, and what it was built from. */
interface Kept {
  op: GraphQLOperation<unknown, unknown>;
  variables: unknown;
  /** The gateway's name for the answer it was built from. */
  etag: string;
  /** When that answer stands without asking the gateway (the newest confirmation's), if the gateway said. */
  terms: ReuseTerms | undefined;
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

export interface AnswerReuseOptions {
  maxBytes: number;
  registry?: Registry;
  /**
   * Checks the gateway's terms against the event streams (answer-versions.ts), so an answer that still stands is
   * sent without asking the gateway at all. Without it every reuse is a conditional request.
   */
  standing?: AnswerStanding;
  /** Charges answers sent without asking the gateway, whose own rate limit then never sees them. */
  limiter?: RateLimiter;
}

/**
 * Reuses a GET answer this adapter built, for as long as the one GraphQL answer it was built from still stands,
 * without reading, mapping or serializing 500 incidents again (docs/performance.md). Whether an answer may be
 * reused at all is decided by the gateway alone: it names only reusable answers, with an ETag, and says when they
 * stand (gateway/src/response-cache). The next identical request (same Authorization, path and parameters):
 * 1. is sent the kept answer at once when the event streams it depends on, read after the request arrived, are
 *    as the gateway read them and the credential has not expired (answer-versions.ts): no write and no
 *    revocation can have happened since, so the gateway would answer the same (docs/decisions/0013);
 * 2. otherwise sends the query again to the gateway as a conditional GET; on "304 Not Modified" the kept answer
 *    goes out, on any other answer the handler runs with the fresh data (no second call). The gateway
 *    authenticates every such revalidation, so a revoked caller is refused.
 *
 * Only handlers that make exactly one query and answer JSON are kept; streams, HTML and writes never are. A
 * request with `Cache-Control: no-cache` (or `no-store`) is built afresh.
 */
export class AnswerReuse {
  private readonly kept: SizedLru<Kept>;
  /** Answers being built now, by key. */
  private readonly building = new Map<string, Promise<void>>();
  private readonly outcomes: Counter<'outcome'> | undefined;

  constructor(private readonly opts: AnswerReuseOptions) {
    const { maxBytes, registry } = opts;
    this.kept = new SizedLru(maxBytes, Math.min(maxBytes / 4, 8 * 1024 * 1024), keptSize);
    this.outcomes = registry
      ? new Counter({
          name: 'rest_answer_reuse_total',
          help: 'GET answers by what answer reuse did: unchanged (the event streams say it stands), reused (the gateway said 304), rebuilt (it had changed), kept (built and kept), not kept',
          labelNames: ['outcome'],
          registers: [registry],
        })
      : undefined;
  }

  wrap(handler: RestHandler<unknown, unknown, unknown>): RestHandler<unknown, unknown, unknown> {
    return async (input, ctx) => {
      const arrivedAt = performance.now();
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
        if (kept.terms && (await this.opts.standing?.stands(kept.terms, arrivedAt))) {
          this.charge(ctx.clientAddress);
          this.outcomes?.inc({ outcome: 'unchanged' });
          return kept.result;
        }
        const answer = await ctx.read(kept.op, kept.variables, kept.etag);
        if (answer.notModified) {
          // Confirmed now: the fresh terms name the streams as they are.
          kept.terms = answer.terms;
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
    this.kept.set(key, {
      op: only.op,
      variables: only.variables,
      etag,
      terms: only.answer.terms,
      result: answer,
    });
    this.outcomes?.inc({ outcome: 'kept' });
    return answer;
  }

  /** Charges an answer sent without the gateway to the client's rate limit (the gateway's settings, per process). */
  private charge(client: string): void {
    const decision = this.opts.limiter?.take(client);
    if (decision && !decision.allowed) {
      throw new DomainError('RATE_LIMITED', 'too many requests; slow down', {
        retryAfter: decision.retryAfterSeconds,
      });
    }
  }
}

/** A body Fastify would send as JSON, with no headers that say otherwise. */
function isPlainJson(result: RestResult): boolean {
  const body = result.body;
  if (body === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return false;
  if (typeof (body as { pipe?: unknown }).pipe === 'function') return false;
  return !Object.keys(result.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
}
