import { randomBytes } from 'node:crypto';
import { InputCheck, type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/events.ts';
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
  await deps.banner.set(banner);
  await deps.publicPage.requestRender();
  return banner;
}

/** Takes the manual banner down at once; false when there was none. Requires admin. */
export async function clearManualBanner(deps: CommsDeps, principal: Principal): Promise<boolean> {
  requireRole(principal, 'admin');
  const had = await deps.banner.clear();
  if (had) await deps.publicPage.requestRender();
  return had;
}

/** The manual banner as stored (showing, scheduled or already over), or null. Requires admin. */
export async function getManualBanner(deps: CommsDeps, principal: Principal): Promise<ManualBanner | null> {
  requireRole(principal, 'admin');
  return deps.banner.get();
}
