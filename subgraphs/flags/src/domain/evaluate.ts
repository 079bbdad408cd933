import { BUCKETS, bucketOf } from './bucket.ts';
import type { FlagDefinition, Serve } from './flag.ts';
import { compileCondition, type Test } from './operators.ts';

/**
 * Who a flag is evaluated for: OpenFeature's evaluation context. `targetingKey` is the user; any other attribute
 * (`role`, `email`, `appVersion` …) is what rules test. Numbers and booleans are compared as their text.
 */
export interface EvaluationContext {
  targetingKey?: string;
  [attribute: string]: unknown;
}

/** OpenFeature's resolution reasons, as OFREP reports them. */
export type Reason = 'DISABLED' | 'TARGETING_MATCH' | 'SPLIT' | 'STATIC' | 'DEFAULT';

export interface Evaluation {
  key: string;
  variation: string;
  /** True when the flag is switched off (it then serves its off variation). */
  off: boolean;
  reason: Reason;
  /** `true`/`false` for a boolean flag, the variation itself for a multivariate one. */
  value: boolean | string;
}

/** A flag that cannot be evaluated for this context: a rollout needs a targeting key to be sticky. */
export interface EvaluationFailure {
  key: string;
  errorCode: 'TARGETING_KEY_MISSING';
  errorDetails: string;
}

export type Outcome = Evaluation | EvaluationFailure;

export const isFailure = (o: Outcome): o is EvaluationFailure => 'errorCode' in o;

type Server = (user: string | undefined) => { variation: string; split: boolean } | null;

/** A definition turned into closures once, so an evaluation allocates nothing but its result. */
export interface CompiledFlag {
  definition: FlagDefinition;
  evaluate(context: EvaluationContext): Outcome;
}

const USER_ATTRIBUTES = new Set(['user', 'key', 'targetingKey']);

function attributeOf(context: EvaluationContext, attr: string): string | undefined {
  const raw = USER_ATTRIBUTES.has(attr) ? context.targetingKey : context[attr];
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

function compileServe(key: string, serve: Serve): Server {
  if (serve.variation !== undefined) {
    const variation = serve.variation;
    return () => ({ variation, split: false });
  }
  // Cumulative upper bounds in buckets, in the rollout's order: the first variation owns the lowest buckets.
  let upper = 0;
  const slices = (serve.rollout ?? []).map((w) => {
    upper += Math.round(w.weight * (BUCKETS / 100));
    return { variation: w.variation, upper };
  });
  return (user) => {
    if (user === undefined) return null;
    const b = bucketOf(key, user);
    for (const s of slices) if (b < s.upper) return { variation: s.variation, split: true };
    // Rounding can leave the last bucket or two unassigned; they belong to the last slice.
    return { variation: slices[slices.length - 1]!.variation, split: true };
  };
}

/**
 * The evaluation order: off → individual targets → rules in order (first match wins) → fallthrough. A
 * condition on an attribute the context lacks never matches (negated operators included), so a missing
 * attribute cannot accidentally opt someone in.
 */
export function compileFlag(def: FlagDefinition): CompiledFlag {
  const key = def.id;
  const booleanKind = def.kind === 'boolean';
  const valueFor = (variation: string) => (booleanKind ? variation === 'on' : variation);
  const result = (variation: string, reason: Reason, off = false): Evaluation => ({
    key,
    variation,
    off,
    reason,
    value: valueFor(variation),
  });
  const targets = new Map(Object.entries(def.targets.users));
  const rules = def.rules.map((r) => ({
    attr: r.if.attr,
    test: compileCondition(r.if) as Test,
    serve: compileServe(key, r),
  }));
  const fallthrough = compileServe(key, def.fallthrough);
  // With nothing to target, every context gets the same variation: OpenFeature calls that STATIC.
  const fixedReason: Reason =
    def.rules.length === 0 && targets.size === 0 && def.fallthrough.variation !== undefined
      ? 'STATIC'
      : 'DEFAULT';
  const missingKey = (): EvaluationFailure => ({
    key,
    errorCode: 'TARGETING_KEY_MISSING',
    errorDetails: `flag ${key} splits users by percentage and needs a targetingKey`,
  });

  return {
    definition: def,
    evaluate(context) {
      if (!def.on) return result(def.offVariation, 'DISABLED', true);
      const user = typeof context.targetingKey === 'string' ? context.targetingKey : undefined;
      if (user !== undefined) {
        const targeted = targets.get(user);
        if (targeted !== undefined) return result(targeted, 'TARGETING_MATCH');
      }
      for (const rule of rules) {
        const attribute = attributeOf(context, rule.attr);
        if (attribute === undefined || !rule.test(attribute)) continue;
        const served = rule.serve(user);
        if (!served) return missingKey();
        return result(served.variation, served.split ? 'SPLIT' : 'TARGETING_MATCH');
      }
      const served = fallthrough(user);
      if (!served) return missingKey();
      return result(served.variation, served.split ? 'SPLIT' : fixedReason);
    },
  };
}
