import { parseAwsRss } from './aws-rss.ts';
import { feedEntryEvent } from './feed-entry.ts';
import { isObj, type Obj, objs } from './read.ts';
import { isStatuspageHistory } from './statuspage-history.ts';
import { toPlainLine } from './text.ts';
import { parseAnyTime } from './time.ts';
import { FeedError, type NormalizedEvent, type ParseContext, type ParsedFeed } from './types.ts';
import { parseXml, text } from './xml.ts';

/**
 * RSS 2.0 feeds: Statuspage `/history.rss` (one item per incident, update paragraphs in the description), AWS
 * per-service feeds (one item per update; handed to aws-rss.ts, whatever format the provider was registered
 * with), and any other RSS feed (one event per item, status from its words).
 */
export function parseRss(body: string, ctx: ParseContext): ParsedFeed {
  const channel = rssChannel(body, 'rss');
  if (isAwsChannel(channel)) return { ...parseAwsRss(channel, ctx), format: 'rss' };
  const events: NormalizedEvent[] = [];
  let history = false;
  for (const item of objs(channel.item)) {
    const html = text(item.description) || text(item.encoded);
    if (isStatuspageHistory(html)) history = true;
    const event = toEvent(item, html, ctx.now);
    if (event) events.push(event);
  }
  return { format: 'rss', components: [], events, currentOnly: !history, observedAt: ctx.now };
}

export function rssChannel(body: string, format: 'rss' | 'aws'): Obj {
  const doc = parseXml(body, format);
  const channel = isObj(doc.rss) ? doc.rss.channel : isObj(doc.RDF) ? doc.RDF.channel : undefined;
  if (!isObj(channel)) throw new FeedError('unexpected_shape', 'not an RSS feed: no <rss><channel>', format);
  // RSS 1.0 (RDF) puts items beside the channel, not inside it.
  if (isObj(doc.RDF) && !channel.item) return { ...channel, item: doc.RDF.item };
  return channel;
}

export const isAwsChannel = (channel: Obj) => /AWS Service Health Dashboard/i.test(text(channel.generator));

function toEvent(item: Obj, html: string, now: number): NormalizedEvent | null {
  // RSS has one date per item: it is both when the entry began and when it was last touched.
  const pubDate = parseAnyTime(text(item.pubDate)) ?? parseAnyTime(text(item.date));
  return feedEntryEvent({
    id: text(item.guid),
    title: toPlainLine(text(item.title)),
    url: text(item.link) || null,
    html,
    published: pubDate,
    updated: pubDate,
    reference: now,
  });
}
