import { DomainError } from '@polystatus/kit';
import type { OperationInput, RestResult } from '@polystatus/rest-kit';
import type { HeldSnapshot, ServedDocument, SnapshotCache } from './snapshot-cache.ts';

export const CACHE_CONTROL = 'public, max-age=15, stale-while-revalidate=60, stale-if-error=86400';

type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding the client accepts (br, then gzip), honouring `q=0` refusals. Parsed by hand: this runs on
 * every public read, and the header is short.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let br = false;
  let gzip = false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === '*') gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}

function matches(ifNoneMatch: string | undefined, doc: ServedDocument): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const { identity, gzip, br } = doc.etag;
  // Weak comparison (RFC 9110 §13.1.2): a W/ prefix does not prevent a 304.
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === identity || tag === gzip || tag === br;
  });
}

/**
 * A handler serving one public path from the snapshot in memory: no GraphQL, no Redis. 304 on a matching
 * `If-None-Match`; the stored bytes in the chosen encoding otherwise. Before any snapshot arrived it answers
 * 503 with Retry-After (documented): it has nothing true to say yet.
 */
export function servePublic(cache: SnapshotCache, path: string) {
  return async (input: OperationInput<unknown, unknown, unknown>): Promise<RestResult> => {
    const held = heldOrUnavailable(cache);
    const doc = held.documents.get(path);
    if (!doc) throw notYet();
    return answer(cache, held, doc, input);
  };
}

const notYet = () =>
  new DomainError('UNAVAILABLE', 'the public page is not available yet', { retryAfter: 1 });

/** The snapshot held, or the documented 503 before the first one arrived. */
export function heldOrUnavailable(cache: SnapshotCache): HeldSnapshot {
  const held = cache.current;
  if (!held) throw notYet();
  return held;
}

/** One document of the held snapshot as an answer: cache headers, ETag, 304, the encoding the client takes. */
export function answer(
  cache: SnapshotCache,
  held: HeldSnapshot,
  doc: ServedDocument,
  input: OperationInput<unknown, unknown, unknown>,
  status = 200,
): RestResult {
  const common: Record<string, string> = {
    'cache-control': CACHE_CONTROL,
    vary: 'Accept-Encoding',
    'last-modified': held.httpDate,
    'x-status-as-of': held.renderedAt,
    'access-control-allow-origin': '*',
  };
  if (cache.stale) common['x-status-stale'] = 'true';
  const encoding = pickEncoding(input.headers['accept-encoding'] as string | undefined);
  const etag = doc.etag[encoding];
  if (status === 200 && matches(input.headers['if-none-match'] as string | undefined, doc)) {
    return { status: 304, headers: { ...common, etag } };
  }
  const headers: Record<string, string> = { ...common, etag, 'content-type': doc.contentType };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  return { status, headers, body: doc[encoding] };
}
