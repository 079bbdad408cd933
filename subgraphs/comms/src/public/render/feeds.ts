import type { Maintenance } from '../../domain/maintenance.ts';
import { maintenanceUpdateBody, type PublicView, type ViewIncident } from './view.ts';

/**
 * `/history.atom` and `/history.rss` as Statuspage writes them: the 25 most recently changed incidents and
 * maintenances, newest first, each entry's content the escaped HTML of its updates (newest first) in
 * Statuspage's paragraph form, which feed readers and status aggregators already parse.
 */
const FEED_ENTRIES = 25;

interface Entry {
  id: string;
  title: string;
  updated: number;
  /** Newest first. */
  updates: { label: string; at: number; body: string }[];
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');
const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
const rfc822 = (ms: number) => {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
};

const STATE_LABEL: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

/** Statuspage labels an update whose status did not change "Update". Input and output newest first. */
function labelled(updates: { status: string; at: number; body: string }[]) {
  return updates.map((u, n) => {
    const older = updates[n + 1];
    return {
      label: older && older.status === u.status ? 'Update' : (STATE_LABEL[u.status] ?? u.status),
      at: u.at,
      body: u.body,
    };
  });
}

/** The HTML of an entry's content (escaped once more when written into the XML). */
function contentHtml(e: Entry): string {
  return e.updates
    .map((u) => {
      const d = new Date(u.at);
      const date = String(d.getUTCDate()).padStart(2, ' ');
      const stamp = `${MONTHS[d.getUTCMonth()]} <var data-var='date'>${date}</var>, <var data-var='time'>${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}</var> UTC`;
      return `<p><small>${stamp}</small><br><strong>${xml(u.label)}</strong> - ${xml(u.body)}</p>`;
    })
    .join(' ');
}

function incidentEntry(i: ViewIncident): Entry {
  const updates = labelled(
    i.announcements.map((a) => ({ status: a.state, at: a.publishedAt, body: a.message })),
  );
  return { id: i.incident.id, title: i.incident.title, updated: i.updatedAt, updates };
}

function maintenanceEntry(m: Maintenance): Entry {
  const updates = labelled(
    [...m.updates].reverse().map((u) => ({ status: u.status, at: u.at, body: maintenanceUpdateBody(m, u) })),
  );
  return { id: m.id, title: m.name, updated: m.updatedAt, updates };
}

function entries(v: PublicView): Entry[] {
  return [...v.incidents.map(incidentEntry), ...v.maintenances.map(maintenanceEntry)]
    .sort((a, b) => b.updated - a.updated)
    .slice(0, FEED_ENTRIES);
}

const hostOf = (url: string) => new URL(url).host;

export function atomFeed(v: PublicView): string {
  const host = hostOf(v.page.url);
  const list = entries(v);
  const updated = list[0]?.updated ?? v.asOf;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">',
    `  <id>tag:${host},2005:/history</id>`,
    `  <link rel="alternate" type="text/html" href="${xml(v.page.url)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(v.page.url)}/history.atom"/>`,
    `  <title>${xml(v.page.name)} Status - Incident History</title>`,
    `  <updated>${isoSeconds(updated)}</updated>`,
    '  <author>',
    `    <name>${xml(v.page.name)}</name>`,
    '  </author>',
  ];
  for (const e of list) {
    lines.push(
      '  <entry>',
      `    <id>tag:${host},2005:Incident/${xml(e.id)}</id>`,
      `    <published>${isoSeconds(e.updated)}</published>`,
      `    <updated>${isoSeconds(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(v.page.url)}/incidents/${xml(e.id)}"/>`,
      `    <title>${xml(e.title)}</title>`,
      `    <content type="html">${xml(contentHtml(e))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function rssFeed(v: PublicView): string {
  const list = entries(v);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xml(v.page.name)} Status - Incident History</title>`,
    `    <link>${xml(v.page.url)}</link>`,
    `    <atom:link href="${xml(v.page.url)}/history.rss" rel="self" type="application/rss+xml"/>`,
    '    <description>Statuspage</description>',
    `    <pubDate>${rfc822(list[0]?.updated ?? v.asOf)}</pubDate>`,
  ];
  for (const e of list) {
    lines.push(
      '    <item>',
      `      <title>${xml(e.title)}</title>`,
      `      <description>${xml(contentHtml(e))}</description>`,
      `      <pubDate>${rfc822(e.updated)}</pubDate>`,
      `      <link>${xml(v.page.url)}/incidents/${xml(e.id)}</link>`,
      `      <guid>${xml(v.page.url)}/incidents/${xml(e.id)}</guid>`,
      '    </item>',
    );
  }
  lines.push('  </channel>', '</rss>', '');
  return lines.join('\n');
}
