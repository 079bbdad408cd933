import { feedEntryEvent } from './feed-entry.ts';
import { type Obj, objs } from './read.ts';
import { isStatuspageHistory } from './statuspage-history.ts';
import { toPlainLine } from './text.ts';
import { parseAnyTime } from './time.ts';
import { FeedError, type NormalizedEvent, type ParseContext, type ParsedFeed } from './types.ts';
import { attr, parseXml, text } from './xml.ts';

/**
 * Atom 1.0 feeds: Statuspage `/history.atom` (25 entries, incidents and maintenances, each with its update history
 * in the content) and any other Atom feed (one event per entry, status from its words).
 */
export function parseAtom(body: string, ctx: ParseContext): ParsedFeed {
  const feed = parseXml(body, 'atom').feed;
  if (!feed || typeof feed !== 'object' || Array.isArray(feed)) {
    throw new FeedError('unexpected_shape', 'not an Atom feed: no <feed> root element', 'atom');
  }
  const root = feed as Obj;
  const feedUpdated = parseAnyTime(text(root.updated)) ?? ctx.now;
  const events: NormalizedEvent[] = [];
  let history = false;
  for (const entry of objs(root.entry)) {
    const html = text(entry.content) || text(entry.summary);
    if (isStatuspageHistory(html)) history = true;
    const event = toEvent(entry, html, feedUpdated);
    if (event) events.push(event);
  }
  // A Statuspage history keeps closed incidents in its window; a generic feed is read as what is happening now.
  return { format: 'atom', components: [], events, currentOnly: !history, observedAt: ctx.now };
}

/** `<link rel="alternate" href>` (rel defaults to alternate), else the first link. */
function alternateLink(entry: Obj): string | null {
  const links = objs(entry.link);
  const alt = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  return alt ? attr(alt, 'href') : null;
}

function toEvent(entry: Obj, html: string, feedUpdated: number): NormalizedEvent | null {
  const updated = parseAnyTime(text(entry.updated)) ?? parseAnyTime(text(entry.published));
  return feedEntryEvent({
    id: text(entry.id),
    title: toPlainLine(text(entry.title)),
    url: alternateLink(entry),
    html,
    published: parseAnyTime(text(entry.published)),
    updated,
    reference: feedUpdated,
  });
}
