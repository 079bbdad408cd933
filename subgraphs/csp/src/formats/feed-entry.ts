import { keywordStatus } from './generic-feed.ts';
import { finishEvent, isClosed } from './normalize.ts';
import { isStatuspageHistory, parseHistoryContent } from './statuspage-history.ts';
import { toPlainText } from './text.ts';
import type { NormalizedEvent } from './types.ts';

/** One Atom entry or RSS item, read into what both formats carry. */
export interface FeedEntry {
  /** The entry's own id (Atom `id`, RSS `guid`). */
  id: string;
  title: string;
  url: string | null;
  /** The entry's HTML content or description. */
  html: string;
  /** When it began, when the format says (Atom `published`); else `updated`. */
  published: number | null;
  updated: number | null;
  /** The time yearless history stamps are read against (the entry's or the feed's time). */
  reference: number;
}

/**
 * Statuspage's history feeds link each entry to `/incidents/<json id>`: that id, not the feed's own (Atom
 * `Incident/<n>`), so an incident keeps one identity whichever endpoint a provider is polled through.
 */
const statuspageIncidentId = (url: string | null) =>
  url ? /\/incidents\/([A-Za-z0-9]+)\/?$/.exec(url)?.[1] : undefined;

/**
 * An entry as an event: a Statuspage history entry with its whole update history, any other entry as one update
 * whose status is read from its words. Atom and RSS differ only in where these fields live.
 */
export function feedEntryEvent(entry: FeedEntry): NormalizedEvent | null {
  const upstreamId = statuspageIncidentId(entry.url) ?? (entry.id || entry.url);
  if (!upstreamId) return null;
  const { title, url, html, updated } = entry;

  if (isStatuspageHistory(html)) {
    const content = parseHistoryContent(html, updated ?? entry.reference);
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

  const started = entry.published ?? updated;
  if (started === null) return null;
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
    startedAt: started,
    updatedAt: updated ?? started,
    resolvedAt: null,
    url,
    updates: [{ at: updated ?? started, status, body }],
  });
}
