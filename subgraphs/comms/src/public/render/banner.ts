import { BANNER_RANK, type BannerLevel, isShowing } from '../../domain/manual-banner.ts';
import type { IncidentImpact, PublicView } from './view.ts';

/** What a site should show right now; `kind` says where it comes from (and where `id` belongs). */
export interface BannerItem {
  id: string;
  kind: 'incident' | 'maintenance' | 'notice';
  level: BannerLevel;
  title: string;
  /** The incident's public state or the maintenance's status; null for a notice. */
  state: string | null;
  /** The latest public message; null before the first. */
  message: string | null;
  url: string;
  since: number;
  updatedAt: number;
}

/** Ties between equally severe items: an incident says more than a maintenance, which says more than a notice. */
const KIND_RANK: Record<BannerItem['kind'], number> = { notice: 0, maintenance: 1, incident: 2 };
const LEVEL_OF_IMPACT: Record<IncidentImpact, BannerLevel> = {
  // An unresolved incident that names no impact still means something is wrong (as view.ts's indicator says).
  none: 'minor',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
};

export interface Banner {
  /** The most severe thing going on, or null when all is well. */
  top: BannerItem | null;
  /** How many other items are going on (the widget links to the page for them). */
  others: number;
  /**
   * The next time the banner changes with time alone (an all-clear expires, a manual banner starts or ends):
   * the public page renders again then (public-page.ts). Null when nothing is pending.
   */
  nextChangeAt: number | null;
}

/**
 * Every item the banner could show, most severe first: unresolved incidents at their severity, running
 * maintenances, the admin's manual banner while it is due, and incidents resolved within the all-clear window
 * (level `resolved`, below everything else).
 */
export function bannerOf(v: PublicView): Banner {
  const now = v.asOf;
  const link = (id: string) => `${v.page.url}/incidents/${id}`;
  const items: BannerItem[] = [];
  const pending: number[] = [];

  for (const i of v.incidents) {
    const last = i.announcements[0];
    const item = {
      id: i.incident.id,
      kind: 'incident' as const,
      title: i.incident.title,
      state: i.status,
      message: last?.message ?? null,
      url: link(i.incident.id),
      since: i.incident.startedAt,
      updatedAt: i.updatedAt,
    };
    if (i.status !== 'resolved') {
      items.push({ ...item, level: LEVEL_OF_IMPACT[i.impact] });
      continue;
    }
    const clearUntil = (i.incident.resolvedAt ?? i.updatedAt) + v.bannerResolvedMs;
    if (now < clearUntil) {
      items.push({ ...item, level: 'resolved' });
      pending.push(clearUntil);
    }
  }

  for (const m of v.maintenances) {
    if (m.status !== 'in_progress' && m.status !== 'verifying') continue;
    const last = m.updates.at(-1);
    items.push({
      id: m.id,
      kind: 'maintenance',
      level: 'maintenance',
      title: m.name,
      state: m.status,
      message: last?.message || m.message || null,
      url: link(m.id),
      since: m.startedAt ?? m.scheduledFor,
      updatedAt: last?.at ?? m.updatedAt,
    });
  }

  const manual = v.manualBanner;
  if (manual) {
    if (isShowing(manual, now)) {
      items.push({
        id: manual.id,
        kind: 'notice',
        level: manual.level,
        title: manual.title,
        state: null,
        message: manual.message || null,
        url: manual.link ?? v.page.url,
        since: manual.startsAt,
        updatedAt: manual.setAt,
      });
      if (manual.endsAt !== null) pending.push(manual.endsAt);
    } else if (manual.startsAt > now) {
      pending.push(manual.startsAt);
    }
  }

  items.sort(
    (a, b) =>
      BANNER_RANK[b.level] - BANNER_RANK[a.level] ||
      KIND_RANK[b.kind] - KIND_RANK[a.kind] ||
      b.updatedAt - a.updatedAt,
  );
  return {
    top: items[0] ?? null,
    others: Math.max(0, items.length - 1),
    nextChangeAt: pending.length ? Math.min(...pending) : null,
  };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * `GET /api/v1/public/banner`. Nothing in it changes unless the banner does (no rendering time: that is in the
 * response headers), so its ETag and the live stream stay put across renderings that change something else.
 */
export function bannerDocument(v: PublicView, b: Banner) {
  const t = b.top;
  return {
    banner: t && {
      id: t.id,
      kind: t.kind,
      level: t.level,
      title: t.title,
      state: t.state,
      message: t.message,
      url: t.url,
      since: seconds(t.since),
      updated_at: seconds(t.updatedAt),
    },
    also_active: b.others,
    page_url: v.page.url,
  };
}

export type BannerDocument = ReturnType<typeof bannerDocument>;
