import type { RestHandlers } from '@polystatus/rest-kit';
import type { BannerStream } from '../public/banner-stream.ts';
import type { SnapshotCache } from '../public/snapshot-cache.ts';
import { publishAnnouncement } from './announce.ts';
import { bannerHandlers } from './banner.ts';
import { notifyHandlers } from './notify-handlers.ts';
import { publicHandlers } from './public.ts';

/**
 * Keyed by the operationIds of swaggers/comms.yaml; the service refuses to start if the two sets differ. The
 * notification routes (email subscribers, webhooks) are the notifications work's, in handlers/notify-*.ts.
 */
export const commsHandlers = (cache: SnapshotCache, banner: BannerStream): RestHandlers => ({
  publishAnnouncement,
  ...publicHandlers(cache),
  ...bannerHandlers(cache, banner),
  ...notifyHandlers,
});
