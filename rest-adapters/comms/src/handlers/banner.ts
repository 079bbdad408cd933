import type { OperationInput, RestHandler, RestHandlers } from '@polystatus/rest-kit';
import type { BannerStream } from '../public/banner-stream.ts';
import { answer, heldOrUnavailable, servePublic } from '../public/serve.ts';
import type { SnapshotCache } from '../public/snapshot-cache.ts';

/**
 * The badge answered, with 404, for a component the page does not have: an <img> then shows "unknown
 * component" instead of a broken image. Rendered by the comms subgraph (render/badges.ts, UNKNOWN_BADGE_PATH).
 */
const UNKNOWN_BADGE = '/badge/_unknown.svg';

/** `/badge/{component}.svg`: by component id, by the slug of its name, or `overall`. */
const badge =
  (cache: SnapshotCache): RestHandler<unknown, unknown, { component: string }> =>
  async (input) => {
    const held = heldOrUnavailable(cache);
    const doc = held.documents.get(`/badge/${input.params.component}.svg`);
    if (doc && input.params.component !== '_unknown')
      return answer(cache, held, doc, input as OperationInput<unknown, unknown, unknown>);
    const unknown = held.documents.get(UNKNOWN_BADGE);
    if (!unknown) return { status: 404 };
    return answer(cache, held, unknown, input as OperationInput<unknown, unknown, unknown>, 404);
  };

/**
 * The live banner (server-sent events), one stream per admitted client; see public/banner-stream.ts. Not
 * compressed (each event must reach the browser when written) and marked for proxies not to buffer it. Counted
 * against the reader's own address: the socket's peer, or what a trusted proxy says in X-Forwarded-For.
 */
const streamBanner =
  (stream: BannerStream): RestHandler =>
  async (_input, ctx) => ({
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'access-control-allow-origin': '*',
    },
    body: stream.open(ctx.clientAddress),
  });

/** The banner, its live stream, the embeddable widget and the status badges (issue 13). */
export const bannerHandlers = (cache: SnapshotCache, stream: BannerStream): RestHandlers => ({
  getPublicBanner: servePublic(cache, '/api/v1/public/banner'),
  streamPublicBanner: streamBanner(stream),
  getWidgetScript: servePublic(cache, '/widget.js'),
  getStatusBadge: badge(cache),
});
