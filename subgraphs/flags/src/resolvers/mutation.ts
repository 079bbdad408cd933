import type { FlagsContext } from '../context.ts';
import type { Flag } from '../domain/flag.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';
import { putFlag } from '../service/put-flag.ts';
import { toggleFlag } from '../service/toggle-flag.ts';
import { toFlagInput } from './flag-input.ts';

/** Later fields of the same operation (`flag { audit }`) must see the write. */
const fresh = (ctx: FlagsContext, flag: Flag) => {
  ctx.loaders.flag.clear(flag.id).prime(flag.id, flag);
  ctx.loaders.audit.clearAll();
  return flag;
};

export const Mutation = {
  putFlag: async (_, args, ctx) => {
    const written = await putFlag(ctx.deps, ctx.principal, toFlagInput(args.input), args.expectedVersion);
    fresh(ctx, written.flag);
    return written;
  },
  toggleFlag: async (_, args, ctx) => {
    const toggle = await toggleFlag(ctx.deps, ctx.principal, args.key, args.on, {
      incidentId: args.incidentId ?? null,
      requestId: ctx.requestId,
      log: ctx.log,
    });
    fresh(ctx, toggle.flag);
    return toggle;
  },
} satisfies MutationResolvers;
