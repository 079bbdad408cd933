import type { RequestedType } from './provider.ts';

export interface CatalogEntry {
  name: string;
  feedUrl: string;
  type: RequestedType;
  intervalSeconds: number;
  /** Public knowledge of where these services run; the declared edges of the cause-and-effect graph. */
  dependsOn: string[];
}

/**
 * Real providers and their official status endpoints (see ../shared/fixtures/csp/SOURCES.md and FORMATS.md). The
 * summary endpoints list only open incidents, so disappearance means resolution; GCP's feed is a year of history
 * (about 1.3 MB), hence its longer interval.
 */
export const CATALOG: readonly CatalogEntry[] = [
  {
    name: 'cloudflare',
    feedUrl: 'https://www.cloudflarestatus.com/api/v2/summary.json',
    type: 'statuspage',
    intervalSeconds: 120,
    dependsOn: [],
  },
  {
    name: 'github',
    feedUrl: 'https://www.githubstatus.com/api/v2/summary.json',
    type: 'statuspage',
    intervalSeconds: 120,
    dependsOn: [],
  },
  {
    name: 'atlassian',
    feedUrl: 'https://status.atlassian.com/api/v2/summary.json',
    type: 'statuspage',
    intervalSeconds: 120,
    dependsOn: ['aws'],
  },
  {
    name: 'gcp',
    feedUrl: 'https://status.cloud.google.com/incidents.json',
    type: 'gcp',
    intervalSeconds: 300,
    dependsOn: [],
  },
  {
    name: 'aws',
    feedUrl: 'https://health.aws.amazon.com/public/currentevents',
    type: 'aws',
    intervalSeconds: 120,
    dependsOn: [],
  },
  {
    name: 'gitlab',
    feedUrl: 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7',
    type: 'statusio',
    intervalSeconds: 120,
    dependsOn: ['gcp'],
  },
  {
    name: 'docker',
    feedUrl: 'https://api.status.io/1.0/status/533c6539221ae15e3f000031',
    type: 'statusio',
    intervalSeconds: 120,
    dependsOn: ['aws'],
  },
  {
    name: 'slack',
    feedUrl: 'https://status.slack.com/api/v2.0.0/current',
    type: 'slack',
    intervalSeconds: 120,
    dependsOn: ['aws'],
  },
];

/**
 * The catalog as `CSP_CATALOG` asks: `off` → none, `default` → as above, a base URL → every feed served under
 * `<base>/<name><original path and query>` (the offline demo's simulator, or a test's local server).
 */
export function catalogFor(setting: string): CatalogEntry[] {
  if (setting === 'off') return [];
  if (setting === 'default') return [...CATALOG];
  const base = setting.replace(/\/+$/, '');
  return CATALOG.map((e) => {
    const original = new URL(e.feedUrl);
    return { ...e, feedUrl: `${base}/${e.name}${original.pathname}${original.search}` };
  });
}
