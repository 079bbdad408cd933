import { randomBytes } from 'node:crypto';
import { type CommsEventData, parseEvent } from '@polystatus/contracts';
import { DomainError, InputCheck, type Principal, requireRole } from '@polystatus/kit';
import { actorId, COMMS_EVENTS, commsEvent } from '../domain/events.ts';
import {
  BANNER_LEVELS,
  BANNER_LINK_MAX,
  BANNER_MESSAGE_MAX,
  BANNER_TITLE_MAX,
  type ManualBanner,
} from '../domain/manual-banner.ts';
import type { CommsDeps } from './deps.ts';

/** A banner meant for a year or more is a mistake (or belongs on the page itself). */
const MAX_SPAN_MS = 366 * 86_400_000;
const CAS_ATTEMPTS = 5;
const HISTORY_MAX = 100;
const iso = (ms: number) => new Date(ms).toISOString();

export interface ManualBannerInput {
  level?: unknown;
  title?: unknown;
  message?: unknown;
  link?: unknown;
  /** Epoch ms (the DateTime scalar's input); absent: now. */
  startsAt?: number | null;
  endsAt?: number | null;
}

function checkLink(check: InputCheck, value: unknown): string | null | undefined {
  const link = check.text('link', value, { max: BANNER_LINK_MAX });
  if (!link) return link === undefined ? undefined : null;
  try {
    const url = new URL(link);
    // The widget puts this in an href: only web addresses, never `javascript:` or `data:`.
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  check.add('link', 'must be an absolute http(s) URL');
  return undefined;
}

/**
 * Sets the manual banner (replacing any), shown from `startsAt` (default now) until `endsAt` (open-ended when
 * absent). Requires admin: it speaks to every customer, on every page that embeds the widget.
 */
export async function setManualBanner(
  deps: CommsDeps,
  principal: Principal,
  input: ManualBannerInput,
): Promise<ManualBanner> {
  const actor = actorId(requireRole(principal, 'admin'));
  const check = new InputCheck();
  const level = check.oneOf('level', input.level, BANNER_LEVELS, { required: true });
  const title = check.text('title', input.title, { max: BANNER_TITLE_MAX, required: true });
  const message = check.text('message', input.message, { max: BANNER_MESSAGE_MAX, multiline: true });
  const link = checkLink(check, input.link);
  const now = deps.clock();
  const startsAt = input.startsAt ?? now;
  const endsAt = input.endsAt ?? null;
  if (endsAt !== null) {
    if (endsAt <= startsAt) check.add('endsAt', 'must be after startsAt');
    else if (endsAt <= now) check.add('endsAt', 'must be in the future');
    else if (endsAt - startsAt > MAX_SPAN_MS) check.add('endsAt', 'must be within a year of startsAt');
  }
  check.throwIfAny();
  const banner: ManualBanner = {
    id: `bnr_${randomBytes(8).toString('hex')}`,
    level: level!,
    title: title!,
    message: message ?? '',
    link: link ?? null,
    startsAt,
    endsAt,
    setById: actor,
    setAt: now,
  };
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const replaced = await deps.banner.read();
    const event = commsEvent(
      COMMS_EVENTS.bannerSet,
      actor,
      banner.id,
      {
        bannerId: banner.id,
        level: banner.level,
        title: banner.title,
        message: banner.message,
        link: banner.link,
        startsAt: iso(banner.startsAt),
        endsAt: banner.endsAt === null ? null : iso(banner.endsAt),
        replacedId: replaced?.banner.id ?? null,
        setById: actor,
      },
      now,
    );
    if (await deps.banner.write(replaced, banner, event)) {
      await deps.publicPage.requestRender();
      return banner;
    }
  }
  throw new DomainError('CONFLICT', 'the banner is being changed by someone else; try again');
}

/** Takes the manual banner down at once; false when there was none. Requires admin. */
export async function clearManualBanner(deps: CommsDeps, principal: Principal): Promise<boolean> {
  const actor = actorId(requireRole(principal, 'admin'));
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = await deps.banner.read();
    if (!current) return false;
    const { id, title } = current.banner;
    const event = commsEvent(
      COMMS_EVENTS.bannerCleared,
      actor,
      id,
      { bannerId: id, title, clearedById: actor },
      deps.clock(),
    );
    if (await deps.banner.write(current, null, event)) {
      await deps.publicPage.requestRender();
      return true;
    }
  }
  throw new DomainError('CONFLICT', 'the banner is being changed by someone else; try again');
}

/** One change of the manual banner, as the audit list shows it (the event as appended, checked by its contract). */
export type BannerChange =
  | { cursor: string; at: number; action: 'set'; data: CommsEventData<'banner.set'> }
  | { cursor: string; at: number; action: 'cleared'; data: CommsEventData<'banner.cleared'> };

/** Who set or cleared which banner, when: newest first, `first` at most, before the entry `after`. Requires admin. */
export async function manualBannerHistory(
  deps: CommsDeps,
  principal: Principal,
  first: number,
  after?: string | null,
): Promise<BannerChange[]> {
  requireRole(principal, 'admin');
  const check = new InputCheck();
  if (!Number.isInteger(first) || first < 1 || first > HISTORY_MAX)
    check.add('first', `must be between 1 and ${HISTORY_MAX}`);
  if (after != null && !/^\d+-\d+$/.test(after)) check.add('after', 'must be a cursor this list returned');
  check.throwIfAny();
  const entries = await deps.banner.history(first, after ?? undefined);
  return entries.map(({ cursor, event }) => {
    const e = parseEvent('comms', event);
    const at = Date.parse(e.at);
    return e.type === COMMS_EVENTS.bannerSet
      ? { cursor, at, action: 'set', data: e.data as CommsEventData<'banner.set'> }
      : { cursor, at, action: 'cleared', data: e.data as CommsEventData<'banner.cleared'> };
  });
}

/** The manual banner as stored (showing, scheduled or already over), or null. Requires admin. */
export async function getManualBanner(deps: CommsDeps, principal: Principal): Promise<ManualBanner | null> {
  requireRole(principal, 'admin');
  return deps.banner.get();
}
