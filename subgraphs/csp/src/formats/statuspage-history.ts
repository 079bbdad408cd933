import { statuspageStatus } from './normalize.ts';
import { toPlainLine, toPlainText } from './text.ts';
import { parseYearlessStamp } from './time.ts';
import type { CspStatus, UpstreamUpdate } from './types.ts';

/**
 * The update history inside a Statuspage `/history.atom` or `/history.rss` entry: one paragraph per update, newest
 * first, `<small>Jul <var>9</var>, <var>04:34</var> UTC</small><br><strong>Investigating</strong> - text`. The
 * stamps have no year (taken from the entry's own date) and use the page's zone abbreviation. "Update" repeats
 * the previous status.
 */
export interface HistoryContent {
  updates: UpstreamUpdate[];
  /** The status after the newest update; unknown when no paragraph carried a known label. */
  status: CspStatus;
  maintenance: boolean;
}

const PARAGRAPH = /<p\b[^>]*>([\s\S]*?)<\/p>/gi;
const SMALL = /<small\b[^>]*>([\s\S]*?)<\/small>/i;
const STRONG = /<strong\b[^>]*>([\s\S]*?)<\/strong>/i;
const MAINTENANCE_LABELS: ReadonlySet<CspStatus> = new Set([
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
]);

/** True when an entry's HTML has Statuspage's update paragraphs (a stamp then a bold label). */
export const isStatuspageHistory = (html: string) => SMALL.test(html) && STRONG.test(html);

export function parseHistoryContent(html: string, reference: number): HistoryContent {
  const parsed: { at: number; label: CspStatus | null; body: string; order: number }[] = [];
  let maintenance = /THIS IS A SCHEDULED EVENT/i.test(html);
  let order = 0;
  for (const [, paragraph] of html.matchAll(PARAGRAPH)) {
    const small = SMALL.exec(paragraph!);
    const strong = STRONG.exec(paragraph!);
    if (!small || !strong) continue;
    const at = parseYearlessStamp(toPlainLine(small[1]!), reference);
    if (at === null) continue;
    const word = toPlainLine(strong[1]!);
    // "Update" (and anything unknown) keeps the status of the update before it.
    const label = statuspageStatus(word);
    if (MAINTENANCE_LABELS.has(label)) maintenance = true;
    const after = paragraph!.slice(strong.index + strong[0].length).replace(/^\s*(?:-|–|—)\s*/, '');
    parsed.push({ at, label: label === 'unknown' ? null : label, body: toPlainText(after), order: order++ });
  }
  // Oldest first: by time, and for equal minutes by reverse feed order (the feed is newest first).
  parsed.sort((a, b) => a.at - b.at || b.order - a.order);
  let status: CspStatus = 'unknown';
  const updates: UpstreamUpdate[] = parsed.map((p) => {
    if (p.label) status = p.label;
    return { at: p.at, status, body: p.body };
  });
  return { updates, status, maintenance };
}
