import { decodeCursor, encodeCursor, pageOf, pageSize, toConnection } from '@polystatus/kit';
import type { Condition } from '../domain/flag.ts';
import { listOf } from '../domain/operators.ts';
import type {
  FlagAuditEntryResolvers,
  FlagConditionResolvers,
  FlagResolvers,
  FlagRuleResolvers,
  FlagServeResolvers,
} from '../generated/resolvers.ts';

/** Audit cursors are stream entry ids; anything else is refused as VALIDATION on `after`. */
export const auditPosition = (after: string | null | undefined): string | null => {
  if (after == null) return null;
  const id = decodeCursor(after);
  if (!/^\d+-\d+$/.test(id)) decodeCursor('', 'after');
  return id;
};

export const auditConnection = (page: { entries: { id: string }[]; hasMore: boolean }) =>
  toConnection(pageOf(page.entries, page.hasMore, (e) => e.id));

export const FlagType = {
  __resolveReference: (ref, ctx) => ctx.loaders.flag.load(ref.key),
  key: (flag) => flag.id,
  targets: (flag) => Object.entries(flag.targets.users).map(([user, variation]) => ({ user, variation })),
  updatedById: (flag) => flag.updatedBy,
  audit: async (flag, args, ctx) => {
    const first = pageSize(args.first);
    const page = await ctx.loaders.audit.load({ flagKey: flag.id, first, after: auditPosition(args.after) });
    return auditConnection(page) as never;
  },
} satisfies FlagResolvers;

export const FlagRuleType = {
  if: (rule) => rule.if,
  serve: (rule) => ({ variation: rule.variation, rollout: rule.rollout }),
} satisfies FlagRuleResolvers;

export const FlagServeType = {
  variation: (serve) => serve.variation ?? null,
  rollout: (serve) => serve.rollout ?? null,
} satisfies FlagServeResolvers;

export const FlagConditionType = {
  values: (condition: Condition) => listOf(condition.value),
} satisfies FlagConditionResolvers;

export const FlagAuditEntryType = {
  id: (entry) => entry.id,
} satisfies FlagAuditEntryResolvers;

export { encodeCursor };
