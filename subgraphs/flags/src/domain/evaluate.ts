import { BUCKETS, bucketsOf } from './bucket.ts';
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

/** What a rule or the fallthrough serves a user: one of the flag's prepared answers, or null without a user. */
type Server = (user: string | undefined) => Evaluation | null;

/**
 * A definition turned into closures once. Its answers are prepared then too (every variation a flag can serve,
 * each with the reason it would be served for, is known from the definition), so an evaluation allocates
 * nothing and returns a shared, frozen object: callers must not change it, and a serializer may cache each
 * answer's bytes by identity (the OFREP routes do). A changed flag is compiled anew, with new answers.
 */
export interface CompiledFlag {
  definition: FlagDefinition;
  evaluate(context: EvaluationContext): Outcome;
}

const USER_ATTRIBUTES = new Set(['user', 'key', 'targetingKey']);

function attributeOf(context: EvaluationContext, attr: string): string | undefined {
  const raw = context[attr];
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

type Answer = (variation: string, reason: Reason) => Evaluation;

/** `reason` is what a single variation is served for; a rollout's answers are all SPLIT. */
function compileServe(key: string, serve: Serve, reason: Reason, answer: Answer): Server {
  if (serve.variation !== undefined) {
    const served = answer(serve.variation, reason);
    return () => served;
  }
  // Cumulative upper bounds in buckets, in the rollout's order: the first variation owns the lowest buckets.
  let upper = 0;
  const slices = (serve.rollout ?? []).map((w) => {
    upper += Math.round(w.weight * (BUCKETS / 100));
    return { served: answer(w.variation, 'SPLIT'), upper };
  });
  const last = slices[slices.length - 1]!.served;
  const bucketOf = bucketsOf(key);
  return (user) => {
    if (user === undefined) return null;
    const b = bucketOf(user);
    for (const s of slices) if (b < s.upper) return s.served;
    // Rounding can leave the last bucket or two unassigned; they belong to the last slice.
    return last;
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
  // One frozen answer per (reason, variation): a thousand users targeted to `on` share one object.
  const answers = new Map<string, Evaluation>();
  const answer: Answer = (variation, reason) => {
    const id = `${reason}\u0000${variation}`;
    let held = answers.get(id);
    if (held === undefined) {
      held = Object.freeze({
        key,
        variation,
        off: reason === 'DISABLED',
        reason,
        value: booleanKind ? variation === 'on' : variation,
      });
      answers.set(id, held);
    }
    return held;
  };
  const disabled = answer(def.offVariation, 'DISABLED');
  const targets = new Map(
    Object.entries(def.targets.users).map(([user, variation]) => [
      user,
      answer(variation, 'TARGETING_MATCH'),
    ]),
  );
  const rules = def.rules.map((r) => ({
    // The aliases of the targeting key are resolved here, once, rather than looked up on every evaluation.
    attr: USER_ATTRIBUTES.has(r.if.attr) ? 'targetingKey' : r.if.attr,
    test: compileCondition(r.if) as Test,
    serve: compileServe(key, r, 'TARGETING_MATCH', answer),
  }));
  // With nothing to target, every context gets the same variation: OpenFeature calls that STATIC.
  const fixedReason: Reason =
    def.rules.length === 0 && targets.size === 0 && def.fallthrough.variation !== undefined
      ? 'STATIC'
      : 'DEFAULT';
  const fallthrough = compileServe(key, def.fallthrough, fixedReason, answer);
  const missingKey: EvaluationFailure = Object.freeze({
    key,
    errorCode: 'TARGETING_KEY_MISSING',
    errorDetails: `flag ${key} splits users by percentage and needs a targetingKey`,
  });

  return {
    definition: def,
    evaluate(context) {
      if (!def.on) return disabled;
      const user = typeof context.targetingKey === 'string' ? context.targetingKey : undefined;
      if (user !== undefined) {
        const targeted = targets.get(user);
        if (targeted !== undefined) return targeted;
      }
      for (const rule of rules) {
        const attribute = attributeOf(context, rule.attr);
        if (attribute === undefined || !rule.test(attribute)) continue;
        return rule.serve(user) ?? missingKey;
      }
      return fallthrough(user) ?? missingKey;
    },
  };
}
