import type { FlagInput } from '../domain/validation.ts';
import type { FlagInput as FlagInputArg } from '../generated/resolvers.ts';

/**
 * The GraphQL input in the domain's (and the REST body's) shape, so a refusal names the field as a REST client
 * wrote it: `targets` as `{ users: { <user>: <variation> } }`, a condition's `values` or `value` as `value`.
 * Nothing is checked here; domain/validation.ts checks everything.
 */
export function toFlagInput(input: FlagInputArg): FlagInput {
  return {
    id: input.key,
    on: input.on,
    kind: input.kind ?? undefined,
    variations: input.variations ?? undefined,
    offVariation: input.offVariation ?? undefined,
    fallthrough: input.fallthrough ?? undefined,
    rules: input.rules?.map((r) => ({
      if: { attr: r.if.attr, op: r.if.op, value: r.if.values ?? r.if.value },
      variation: r.variation ?? undefined,
      rollout: r.rollout ?? undefined,
    })),
    targets: input.targets
      ? { users: Object.fromEntries(input.targets.map((t) => [t.user, t.variation])) }
      : undefined,
    description: input.description ?? undefined,
  };
}
