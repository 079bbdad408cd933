import type { PublicDocument } from '@polystatus/contracts';
import { badges, OVERALL_BADGE_PATH, UNKNOWN_BADGE_PATH } from './badges.ts';
import { type Banner, bannerDocument } from './banner.ts';
import { atomFeed, rssFeed } from './feeds.ts';
import { publicSummary, referenceStatus } from './polystatus.ts';
import { statuspageDocuments } from './statuspage.ts';
import type { PublicView } from './view.ts';
import { WIDGET_SCRIPT } from './widget.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Every public document of one rendering. Paths are those the public read path serves as they are. */
export function renderDocuments(v: PublicView, banner: Banner): PublicDocument[] {
  const json = (path: string, body: unknown): PublicDocument => ({
    path,
    contentType: JSON_TYPE,
    body: JSON.stringify(body),
  });
  return [
    json('/api/v1/public/status', referenceStatus(v)),
    json('/api/v1/public/summary', publicSummary(v)),
    ...Object.entries(statuspageDocuments(v)).map(([path, body]) => json(path, body)),
    { path: '/history.atom', contentType: 'application/atom+xml; charset=utf-8', body: atomFeed(v) },
    { path: '/history.rss', contentType: 'application/rss+xml; charset=utf-8', body: rssFeed(v) },
    // The banner, the widget and the badges (issue 13): embedded in other sites, so read the most of all.
    json('/api/v1/public/banner', bannerDocument(v, banner)),
    { path: '/widget.js', contentType: 'text/javascript; charset=utf-8', body: WIDGET_SCRIPT },
    ...[...badges(v)].map(([path, body]) => ({ path, contentType: 'image/svg+xml; charset=utf-8', body })),
  ];
}

/** The paths a snapshot always holds: the public read path serves these and nothing else. */
export const PUBLIC_PATHS = [
  '/api/v1/public/status',
  '/api/v1/public/summary',
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/api/v2/scheduled-maintenances.json',
  '/api/v2/scheduled-maintenances/upcoming.json',
  '/api/v2/scheduled-maintenances/active.json',
  '/history.atom',
  '/history.rss',
  '/api/v1/public/banner',
  '/widget.js',
  OVERALL_BADGE_PATH,
  UNKNOWN_BADGE_PATH,
] as const;
