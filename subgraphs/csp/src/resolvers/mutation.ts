import type { MutationResolvers } from '../generated/resolvers.ts';
import { setServiceDependencies } from '../service/dependencies.ts';
import { registerProvider, updateProvider } from '../service/providers.ts';
import { refreshNow } from '../service/refresh.ts';

export const Mutation = {
  registerProvider: (_, args, ctx) =>
    registerProvider(ctx.deps, ctx.principal, args.input, ctx.providerVerbs),
  updateProvider: async (_, args, ctx) => {
    const provider = await updateProvider(ctx.deps, ctx.principal, args.id, args.input, ctx.providerVerbs);
    ctx.loaders.provider.clear(args.id);
    return provider;
  },
  refreshProvider: async (_, args, ctx) => {
    const result = await refreshNow(ctx.deps, ctx.principal, args.id);
    // Later fields of the operation (provider { health events }) must see what the refresh wrote.
    ctx.loaders.provider.clearAll();
    ctx.loaders.event.clearAll();
    ctx.loaders.updates.clearAll();
    return result;
  },
  setServiceDependencies: (_, args, ctx) =>
    setServiceDependencies(ctx.deps, ctx.principal, args.service, args.dependencies),
} satisfies MutationResolvers;
