import { guardedFetch, OutboundRefusedError } from '@polystatus/kit';
import { retryDelay } from '../domain/schedule.ts';
import type { FeedValidators } from '../store/provider-store.ts';

export interface FetchFeedOptions {
  /** Budget of the whole fetch, every attempt and wait included. */
  timeoutMs: number;
  maxBodyBytes: number;
  /** Extra attempts after a network error or a 5xx. */
  retries: number;
  retryBaseMs: number;
  allowPrivate: boolean;
  /** The previous answer's validators: sent as If-None-Match / If-Modified-Since. */
  validators?: Pick<FeedValidators, 'etag' | 'lastModified'>;
  sleep?: (ms: number) => Promise<void>;
}

export type FetchOutcome =
  | {
      kind: 'body';
      status: number;
      body: Buffer;
      contentType: string | undefined;
      etag: string | null;
      lastModified: string | null;
      latencyMs: number;
      attempts: number;
    }
  | { kind: 'not_modified'; status: 304; latencyMs: number; attempts: number }
  | { kind: 'error'; status: number | null; error: string; attempts: number };

type Attempt = FetchOutcome | { kind: 'retry'; status: number | null; error: string };

const USER_AGENT = 'PolyStatus-CSP/0.1 (+https://github.com/polystatus)';

class BodyTooLarge extends Error {}

/** Reads at most `max` bytes; a bigger body is abandoned (and its connection with it) rather than buffered. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The message an operator reads: the innermost cause's code and text (undici nests them). */
function networkError(err: unknown): string {
  let e = err as { name?: string; message?: string; code?: string; cause?: unknown };
  while (e?.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  const code = e?.code ? `${e.code}: ` : '';
  return `network error: ${code}${e?.message ?? String(err)}`;
}

async function attempt(url: URL, opts: FetchFeedOptions, budgetMs: number): Promise<Attempt> {
  const remainingMs = Math.max(1, Math.ceil(budgetMs));
  const headers: Record<string, string> = { accept: '*/*', 'user-agent': USER_AGENT };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
  // One deadline for headers and body: a feed that trickles its body must not hold the poller.
  const deadline = AbortSignal.timeout(remainingMs);
  const started = performance.now();
  try {
    const res = await guardedFetch(url, {
      headers,
      timeoutMs: remainingMs,
      signal: deadline,
      allowPrivate: opts.allowPrivate,
    });
    const status = res.status;
    if (status === 304) {
      await res.body?.cancel().catch(() => {});
      return { kind: 'not_modified', status: 304, latencyMs: performance.now() - started, attempts: 0 };
    }
    if (status >= 300 && status < 400) {
      await res.body?.cancel().catch(() => {});
      const to = res.headers.get('location') ?? 'nowhere';
      return {
        kind: 'error',
        status,
        error: `HTTP ${status} redirect to ${to} (redirects are not followed)`,
        attempts: 0,
      };
    }
    if (status >= 400) {
      await res.body?.cancel().catch(() => {});
      const error = `HTTP ${status} ${res.statusText}`.trim();
      return status >= 500 ? { kind: 'retry', status, error } : { kind: 'error', status, error, attempts: 0 };
    }
    const body = await readCapped(res.body, opts.maxBodyBytes);
    return {
      kind: 'body',
      status,
      body,
      contentType: res.headers.get('content-type') ?? undefined,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      latencyMs: performance.now() - started,
      attempts: 0,
    };
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      return {
        kind: 'error',
        status: 200,
        error: `body larger than ${opts.maxBodyBytes} bytes`,
        attempts: 0,
      };
    }
    if (err instanceof OutboundRefusedError)
      return { kind: 'error', status: null, error: err.message, attempts: 0 };
    if (deadline.aborted)
      return { kind: 'retry', status: null, error: `timed out after ${Math.round(remainingMs)} ms` };
    return { kind: 'retry', status: null, error: networkError(err) };
  }
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * GETs a feed once, retrying network errors and 5xx answers with exponential backoff while the budget lasts.
 * Never follows a redirect, never reads more than `maxBodyBytes`, never reaches a private address unless
 * allowed (kit outbound guard). Never throws: every failure is an outcome with a message for the operator.
 */
export async function fetchFeed(url: URL, opts: FetchFeedOptions): Promise<FetchOutcome> {
  const sleep = opts.sleep ?? realSleep;
  const end = performance.now() + opts.timeoutMs;
  let last: Attempt = { kind: 'retry', status: null, error: 'not attempted' };
  for (let n = 1; n <= opts.retries + 1; n++) {
    const remaining = end - performance.now();
    if (remaining <= 0) break;
    last = await attempt(url, opts, remaining);
    if (last.kind !== 'retry') return { ...last, attempts: n };
    const wait = retryDelay(n, opts.retryBaseMs);
    if (n <= opts.retries && performance.now() + wait < end) await sleep(wait);
    else return { kind: 'error', status: last.status, error: last.error, attempts: n };
  }
  return {
    kind: 'error',
    status: last.kind === 'retry' ? last.status : null,
    error: last.kind === 'retry' ? last.error : 'timed out',
    attempts: opts.retries + 1,
  };
}
