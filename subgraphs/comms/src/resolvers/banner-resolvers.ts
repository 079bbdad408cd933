import { isShowing } from '../domain/manual-banner.ts';
import type {
  MutationResolvers,
  PublicBanner,
  QueryResolvers,
  StatusBannerChangeResolvers,
  StatusBannerResolvers,
} from '../generated/resolvers.ts';
import type { BannerDocument } from '../public/render/banner.ts';
import type { CommsDeps } from '../service/deps.ts';
import {
  clearManualBanner,
  getManualBanner,
  manualBannerHistory,
  setManualBanner,
} from '../service/manual-banner.ts';

const lower = <T extends string>(...values: T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as { [K in T as Uppercase<K>]: K };

/** The banner's enums: GraphQL names to the lower-case values of the domain and the REST document. */
export const bannerEnums = {
  BannerLevel: lower('resolved', 'info', 'maintenance', 'minor', 'major', 'critical'),
  ManualBannerLevel: lower('info', 'maintenance', 'minor', 'major', 'critical'),
  PublicBannerKind: lower('incident', 'maintenance', 'notice'),
  StatusBannerAction: lower('set', 'cleared'),
};

/**
 * The banner as last rendered, read from the same snapshot the REST route serves (one document), so the web app
 * and every embedding site show the same thing.
 */
async function publicBanner(deps: CommsDeps): Promise<PublicBanner | null> {
  const snapshot = await deps.publicPage.current();
  const doc = snapshot?.documents.find((d) => d.path === '/api/v1/public/banner');
  if (!doc) return null;
  const { banner: b, also_active } = JSON.parse(doc.body) as BannerDocument;
  if (!b) return null;
  return {
    id: b.id,
    kind: b.kind,
    level: b.level,
    title: b.title,
    state: b.state,
    message: b.message,
    url: b.url,
    since: b.since * 1000,
    updatedAt: b.updated_at * 1000,
    alsoActive: also_active,
  };
}

export const BannerQuery = {
  statusBanner: (_, __, ctx) => getManualBanner(ctx.deps, ctx.principal),
  statusBannerHistory: (_, { first, after }, ctx) =>
    manualBannerHistory(ctx.deps, ctx.principal, first ?? 20, after),
  // Public: no role check. Only what the public banner already shows.
  publicBanner: (_, __, ctx) => publicBanner(ctx.deps),
} satisfies QueryResolvers;

export const BannerMutation = {
  setStatusBanner: (_, { input }, ctx) => setManualBanner(ctx.deps, ctx.principal, input),
  clearStatusBanner: (_, __, ctx) => clearManualBanner(ctx.deps, ctx.principal),
} satisfies MutationResolvers;

export const bannerTypes = {
  StatusBanner: {
    showing: (b, _, ctx) => isShowing(b, ctx.deps.clock()),
    setBy: (b) => ({ id: b.setById }),
  } satisfies StatusBannerResolvers,
  StatusBannerChange: {
    actorId: (c) => (c.action === 'set' ? c.data.setById : c.data.clearedById),
    actor: (c) => ({ id: c.action === 'set' ? c.data.setById : c.data.clearedById }),
    bannerId: (c) => c.data.bannerId,
    title: (c) => c.data.title,
    level: (c) => (c.action === 'set' ? c.data.level : null),
    message: (c) => (c.action === 'set' ? c.data.message : null),
    link: (c) => (c.action === 'set' ? c.data.link : null),
    startsAt: (c) => (c.action === 'set' ? Date.parse(c.data.startsAt) : null),
    endsAt: (c) => (c.action === 'set' && c.data.endsAt ? Date.parse(c.data.endsAt) : null),
    replacedId: (c) => (c.action === 'set' ? c.data.replacedId : null),
  } satisfies StatusBannerChangeResolvers,
  ...bannerEnums,
};
