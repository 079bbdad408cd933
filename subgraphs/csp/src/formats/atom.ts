import { keywordStatus } from './generic-feed.ts';
import { finishEvent, isClosed } from './normalize.ts';
import { type Obj, objs } from './read.ts';
import { isStatuspageHistory, parseHistoryContent } from './statuspage-history.ts';
import { toPlainLine, toPlainText } from './text.ts';
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
  const url = alternateLink(entry);
  const atomId = text(entry.id);
  // Statuspage's Atom id (Incident/<n>) differs from the JSON API id; the link carries the JSON id, so take that
  // one and the same incident keeps its identity whichever endpoint a provider is polled through.
  const jsonId = url ? /\/incidents\/([A-Za-z0-9]+)\/?$/.exec(url)?.[1] : undefined;
  const upstreamId = jsonId ?? (atomId || url);
  if (!upstreamId) return null;
  const updated = parseAnyTime(text(entry.updated)) ?? parseAnyTime(text(entry.published));
  const title = toPlainLine(text(entry.title));

  if (isStatuspageHistory(html)) {
    const content = parseHistoryContent(html, updated ?? feedUpdated);
    const first = content.updates[0];
    if (!first) return null;
    return finishEvent({
      upstreamId,
      kind: content.maintenance ? 'maintenance' : 'incident',
      title,
      status: content.status,
      // The history feed carries no impact; a maintenance is still a maintenance.
      impact: content.maintenance ? 'maintenance' : 'none',
      components: [],
      regions: [],
      startedAt: first.at,
      updatedAt: updated ?? content.updates.at(-1)!.at,
      resolvedAt: isClosed(content.status) ? content.updates.findLast((u) => isClosed(u.status))!.at : null,
      url,
      updates: content.updates,
    });
  }

  const published = parseAnyTime(text(entry.published)) ?? updated;
  if (published === null) return null;
  const body = toPlainText(html);
  const status = keywordStatus(title, body);
  return finishEvent({
    upstreamId,
    kind:
      status === 'scheduled' || status === 'in_progress' || status === 'completed'
        ? 'maintenance'
        : 'incident',
    title,
    status,
    impact: 'none',
    components: [],
    regions: [],
    startedAt: published,
    updatedAt: updated ?? published,
    resolvedAt: null,
    url,
    updates: [{ at: updated ?? published, status, body }],
  });
}
