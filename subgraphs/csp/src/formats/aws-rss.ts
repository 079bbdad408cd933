import { finishEvent, worstImpact } from './normalize.ts';
import { type Obj, objs } from './read.ts';
import { toPlainLine, toPlainText } from './text.ts';
import { parseRfc822Time } from './time.ts';
import type {
  ComponentStatus,
  CspImpact,
  NormalizedEvent,
  ParseContext,
  ParsedFeed,
  UpstreamUpdate,
} from './types.ts';
import { text } from './xml.ts';

/**
 * AWS per-service RSS (status.aws.amazon.com/rss/<service>-<region>.rss): each update is its own item, titled
 * "<Prefix>: <incident title>", with a guid `…#<service>-<region>_<epoch>` that changes on every update. Items are
 * grouped into incidents by their title (without the prefix and the [RESOLVED] tags); an incident is closed when
 * its newest item says "operating normally" or [RESOLVED].
 */

interface Prefix {
  impact: CspImpact;
  component: ComponentStatus;
  resolves: boolean;
}

const PREFIXES: [RegExp, Prefix][] = [
  [/^service is operating normally$/i, { impact: 'none', component: 'operational', resolves: true }],
  [/^informational message$/i, { impact: 'minor', component: 'degraded_performance', resolves: false }],
  [/^performance issues$/i, { impact: 'minor', component: 'degraded_performance', resolves: false }],
  [/^service degradation$/i, { impact: 'major', component: 'partial_outage', resolves: false }],
  [/^service disruption$/i, { impact: 'critical', component: 'major_outage', resolves: false }],
];
const UNKNOWN_PREFIX: Prefix = { impact: 'minor', component: 'degraded_performance', resolves: false };
/** [RESOLVED], and its translations seen in bilingual titles ([解決済]). */
const RESOLVED_TAG = /\[(?:resolved|解決済|해결됨|已解决|已解決|résolu|behoben)\]/i;
const RESOLVED_TAGS = new RegExp(RESOLVED_TAG.source, 'gi');

interface Item {
  at: number;
  guid: string;
  key: string;
  title: string;
  prefix: Prefix;
  resolved: boolean;
  body: string;
}

export function parseAwsRss(channel: Obj, ctx: ParseContext): ParsedFeed {
  const service = toPlainLine(text(channel.title)).replace(/\s*Service Status\s*$/i, '');
  const items: Item[] = [];
  for (const raw of objs(channel.item)) {
    const at = parseRfc822Time(text(raw.pubDate));
    const guid = text(raw.guid);
    if (at === null || !guid) continue;
    const full = toPlainLine(text(raw.title));
    const colon = full.indexOf(':');
    const prefixText = colon > 0 ? full.slice(0, colon).trim() : '';
    const prefix = PREFIXES.find(([re]) => re.test(prefixText))?.[1] ?? UNKNOWN_PREFIX;
    const rest = colon > 0 && prefix !== UNKNOWN_PREFIX ? full.slice(colon + 1) : full;
    const title = rest
      .replace(RESOLVED_TAGS, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*\|\s*/g, ' | ')
      .trim();
    const resolved = prefix.resolves || RESOLVED_TAG.test(rest);
    items.push({
      at,
      guid,
      key: title.toLowerCase(),
      title,
      prefix,
      resolved,
      body: toPlainText(text(raw.description)),
    });
  }
  items.sort((a, b) => a.at - b.at);

  // Oldest first: an item joins the open incident with its title; a problem item after a closed one with the same
  // title starts a new incident, a resolution item after it is a follow-up of the closed one.
  const groups: Item[][] = [];
  const latestByKey = new Map<string, Item[]>();
  for (const item of items) {
    const group = latestByKey.get(item.key);
    const closed = group?.at(-1)?.resolved ?? false;
    if (group && (!closed || item.resolved)) {
      group.push(item);
    } else {
      const fresh = [item];
      groups.push(fresh);
      latestByKey.set(item.key, fresh);
    }
  }

  const region = regionOf(items[0]?.guid ?? '');
  const events: NormalizedEvent[] = groups.map((group) => toEvent(group, service, region));
  const newest = items.at(-1);
  const components = service
    ? [
        {
          name: service,
          status: newest ? (newest.resolved ? 'operational' : newest.prefix.component) : 'operational',
        },
      ]
    : [];
  return {
    format: 'aws',
    components: components as ParsedFeed['components'],
    events,
    currentOnly: false,
    observedAt: ctx.now,
  };
}

/** `http://status.aws.amazon.com/#ec2-ap-northeast-1_1566559115` → ap-northeast-1. */
function regionOf(guid: string): string | null {
  const m = /#[a-z0-9]+(?:-[a-z0-9]+)*?-((?:[a-z]{2}-gov|[a-z]{2})-[a-z]+-\d)_\d+$/.exec(guid);
  return m ? m[1]! : null;
}

function toEvent(group: Item[], service: string, region: string | null): NormalizedEvent {
  const first = group[0]!;
  const last = group.at(-1)!;
  const updates: UpstreamUpdate[] = group.map((item) => ({
    at: item.at,
    status: item.resolved ? 'resolved' : 'investigating',
    body: item.body,
  }));
  return finishEvent({
    // The guid of the family's first item: stable for the incident's whole life.
    upstreamId: first.guid.includes('#') ? first.guid.slice(first.guid.indexOf('#') + 1) : first.guid,
    kind: 'incident',
    title: first.title,
    status: last.resolved ? 'resolved' : 'investigating',
    impact: worstImpact(group.map((i) => i.prefix.impact)),
    components: service ? [service] : [],
    regions: region ? [region] : [],
    startedAt: first.at,
    updatedAt: last.at,
    resolvedAt: last.resolved ? last.at : null,
    url: 'https://health.aws.amazon.com/health/status',
    updates,
  });
}
