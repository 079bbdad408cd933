import type { ComponentStatus } from '../../domain/component.ts';
import type { Indicator, PublicView } from './view.ts';

/**
 * The path of the badge answered (with 404) for a component the page does not have. Component ids are
 * `cmp_…` and slugs are `[a-z0-9-]`, so no component's badge can have it; the public read path
 * (rest-adapters/comms/src/handlers/badges.ts) names the same path.
 */
export const UNKNOWN_BADGE_PATH = '/badge/_unknown.svg';
export const OVERALL_BADGE_PATH = '/badge/overall.svg';

/** Shields' palette (brightgreen, yellow, orange, red, blue, lightgrey), so badges sit well beside others. */
const COLORS = {
  green: '#4c1',
  yellow: '#dfb317',
  orange: '#fe7d37',
  red: '#e05d44',
  blue: '#007ec6',
  grey: '#9f9f9f',
} as const;

export const COMPONENT_BADGE: Record<ComponentStatus, { message: string; color: string }> = {
  operational: { message: 'operational', color: COLORS.green },
  degraded_performance: { message: 'degraded performance', color: COLORS.yellow },
  partial_outage: { message: 'partial outage', color: COLORS.orange },
  major_outage: { message: 'major outage', color: COLORS.red },
  under_maintenance: { message: 'under maintenance', color: COLORS.blue },
};

export const OVERALL_BADGE: Record<Indicator, { message: string; color: string }> = {
  none: { message: 'all systems operational', color: COLORS.green },
  minor: { message: 'minor outage', color: COLORS.yellow },
  major: { message: 'partial outage', color: COLORS.orange },
  critical: { message: 'major outage', color: COLORS.red },
  maintenance: { message: 'under maintenance', color: COLORS.blue },
};

/**
 * Verdana 11px advance widths (px, rounded) by character class: badges are drawn without measuring text, as
 * shields does with its own table; a close estimate keeps the text inside its box.
 */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[ijl|!.,:;'`]/.test(ch)) w += 3.3;
    else if (/[ frtI()[\]{}\-/]/.test(ch)) w += 4.6;
    else if (/[mwMW%@]/.test(ch)) w += 10.5;
    else if (/[A-Z]/.test(ch)) w += 7.6;
    else w += 6.6;
  }
  return Math.ceil(w);
}

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** A shields-style "flat" badge: grey label, coloured message, accessible name and a <title> tooltip. */
export function badgeSvg(label: string, message: string, color: string): string {
  const pad = 10;
  const lw = textWidth(label) + pad;
  const mw = textWidth(message) + pad;
  const width = lw + mw;
  const [l, m] = [xml(label), xml(message)];
  // Text is drawn at 10x and scaled down, as shields does, so sub-pixel positions render crisply.
  const text = (x: number, s: string, w: number) =>
    `<text x="${x * 10}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="${(w - pad) * 10}">${s}</text>` +
    `<text x="${x * 10}" y="140" transform="scale(.1)" fill="#fff" textLength="${(w - pad) * 10}">${s}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${l}: ${m}">`,
    `<title>${l}: ${m}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">`,
    text(lw / 2, l, lw),
    text(lw + mw / 2, m, mw),
    '</g></svg>',
  ].join('');
}

/** `API Gateway (EU)` → `api-gateway-eu`: a readable address for a component's badge. */
export const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * Every badge of one rendering, path → SVG: the page's overall status, each component's by id and, where the
 * name's slug is unambiguous, by slug as well (`/badge/api-gateway.svg`), and the unknown-component badge.
 */
export function badges(v: PublicView): Map<string, string> {
  const out = new Map<string, string>();
  const o = OVERALL_BADGE[v.indicator];
  out.set(OVERALL_BADGE_PATH, badgeSvg(v.page.name.toLowerCase(), o.message, o.color));
  const slugCount = new Map<string, number>();
  for (const c of v.components) {
    const s = slugOf(c.name);
    slugCount.set(s, (slugCount.get(s) ?? 0) + 1);
  }
  for (const c of v.components) {
    const { message, color } = COMPONENT_BADGE[c.status];
    const svg = badgeSvg(c.name, message, color);
    out.set(`/badge/${c.id}.svg`, svg);
    const s = slugOf(c.name);
    if (s && s !== 'overall' && slugCount.get(s) === 1) out.set(`/badge/${s}.svg`, svg);
  }
  out.set(UNKNOWN_BADGE_PATH, badgeSvg('status', 'unknown component', COLORS.grey));
  return out;
}
