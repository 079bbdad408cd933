import { MANUAL_BANNER_LEVELS } from '@polystatus/contracts';

/**
 * How loud a banner is, least to most severe. Incidents map onto the same scale (sev 1 critical, sev 2 major,
 * sev 3 and 4 minor), maintenances are `maintenance`, and `info` exists for notices that are neither; `resolved`
 * is the short all-clear an incident leaves behind (render/banner.ts), never an admin's choice.
 */
export const BANNER_LEVELS = MANUAL_BANNER_LEVELS;
export type ManualBannerLevel = (typeof BANNER_LEVELS)[number];
export type BannerLevel = ManualBannerLevel | 'resolved';

/** Lowest first: `resolved` is below everything, since anything still wrong matters more than an all-clear. */
export const BANNER_RANK: Record<BannerLevel, number> = {
  resolved: 0,
  info: 1,
  maintenance: 2,
  minor: 3,
  major: 4,
  critical: 5,
};

export const BANNER_TITLE_MAX = 200;
export const BANNER_MESSAGE_MAX = 2000;
export const BANNER_LINK_MAX = 2000;

/**
 * A banner an admin sets by hand, independent of incidents (a maintenance notice, a heads-up), shown from
 * `startsAt` until `endsAt` (open-ended when null). One at a time: setting another replaces it, and a new `id`
 * each time lets readers who dismissed the previous one see the new one.
 */
export interface ManualBanner {
  id: string;
  level: ManualBannerLevel;
  title: string;
  message: string;
  /** Where "details" leads; the public page when null. */
  link: string | null;
  startsAt: number;
  endsAt: number | null;
  setById: string;
  setAt: number;
}

export const isShowing = (b: ManualBanner, now: number): boolean =>
  b.startsAt <= now && (b.endsAt === null || now < b.endsAt);
