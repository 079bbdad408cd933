import type { RestHandler } from '@polystatus/rest-kit';
import { EVALUATE_FLAGS } from '../documents.ts';

/** Public: the gateway lets anonymous callers evaluate. The graph evaluates from the flags service's snapshot. */
export const evaluateFlags: RestHandler<unknown, { user: string; role: string }> = async ({ query }, ctx) => {
  const { evaluateFlags: evaluated } = await ctx.graphql(EVALUATE_FLAGS, {
    user: query.user,
    role: query.role,
  });
  return {
    body: Object.fromEntries(
      evaluated.map((e) => [e.key, { variation: e.variation, off: e.off, reason: e.reason }]),
    ),
  };
};
