import { pageSize, requireRole } from '@polystatus/kit';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { evaluateForUser } from '../service/evaluate-flags.ts';
import { listFlags, readAudit } from '../service/read-flags.ts';
import { auditConnection, auditPosition } from './flag.ts';

export const Query = {
  flags: (_, __, ctx) => listFlags(ctx.deps, ctx.principal),
  flag: (_, args, ctx) => {
    requireRole(ctx.principal, 'admin');
    return ctx.loaders.flag.load(args.key);
  },
  flagAudit: async (_, args, ctx) =>
    auditConnection(
      await readAudit(ctx.deps, ctx.principal, null, pageSize(args.first), auditPosition(args.after)),
    ) as never,
  evaluateFlags: (_, args, ctx) =>
    evaluateForUser(ctx.deps, args.user, args.role ?? null, args.attributes ?? []),
} satisfies QueryResolvers;
