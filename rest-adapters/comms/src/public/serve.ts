import { DomainError, negotiateEncoding } from '@polystatus/kit';
import type { OperationInput, RestResult } from '@polystatus/rest-kit';
import type { HeldSnapshot, ServedDocument, SnapshotCache } from './snapshot-cache.ts';

export const CACHE_CONTROL = 'public, max-age=15, stale-while-revalidate=60, stale-if-error=86400';

function matches(ifNoneMatch: string | undefined, doc: ServedDocument): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  // Every tag of a document starts with its content hash (`"<hash>"`, `"<hash>-gz"`, `"<hash>-br5"`...): a tag
  // of any encoding, or of the brotli bytes held before they were recompressed, names the same content.
  // Weak comparison (RFC 9110 §13.1.2): a W/ prefix does not prevent a 304.
  const quoted = `"${doc.hash}`;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag.startsWith(quoted) && (tag.length === quoted.length + 1 || tag[quoted.length] === '-');
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
  // Already compressed at the snapshot's levels: the kit's dynamic compression leaves Content-Encoding answers alone.
  const encoding = negotiateEncoding(input.headers['accept-encoding'] as string | undefined);
  const etag = doc.etag[encoding];
  if (status === 200 && matches(input.headers['if-none-match'] as string | undefined, doc)) {
    return { status: 304, headers: { ...common, etag } };
  }
  const headers: Record<string, string> = { ...common, etag, 'content-type': doc.contentType };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  return { status, headers, body: doc[encoding] };
}
