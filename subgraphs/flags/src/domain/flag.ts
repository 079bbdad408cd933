/**
 * A flag definition as the API writes it (swaggers/flags.yaml's FlagDefinition, a superset of the reference):
 * the shape is kept close to the reference so a refusal names the field a REST client sent.
 */
export type FlagKind = 'boolean' | 'multivar';

export const OPERATORS = [
  'eq',
  'neq',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'ends_with',
  'matches',
  'gt',
  'gte',
  'lt',
  'lte',
  'semver_eq',
  'semver_gt',
  'semver_lt',
  'before',
  'after',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** `attr` is read from the evaluation context (`user`, `key` and `targetingKey` all name the targeting key). */
export interface Condition {
  attr: string;
  op: Operator;
  /** One value, or several for `in` and `not_in` (a comma-separated string is read as a list there too). */
  value: string | string[];
}

/** A share of users, in percent with at most three decimals; the weights of a rollout add up to 100. */
export interface Weighted {
  variation: string;
  weight: number;
}

/** What a rule or the fallthrough serves: one variation, or a sticky percentage rollout over several. */
export interface Serve {
  variation?: string;
  rollout?: Weighted[];
}

export interface Rule extends Serve {
  if: Condition;
}

export interface FlagDefinition {
  id: string;
  on: boolean;
  kind: FlagKind;
  variations: string[];
  /** What the flag serves while off. */
  offVariation: string;
  fallthrough: Serve;
  rules: Rule[];
  targets: { users: Record<string, string> };
  description: string;
}

/** A stored flag: its definition plus the bookkeeping every write updates. */
export interface Flag extends FlagDefinition {
  /** Increases by one with every change; pass it back as `expectedVersion` to refuse a write over a newer one. */
  version: number;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
}

/** One recorded change: who, when, what the flag was before (null for a creation) and after. */
export interface AuditEntry {
  id: string;
  flagKey: string;
  action: 'created' | 'updated' | 'toggled';
  actorId: string;
  at: number;
  incidentId: string | null;
  before: string | null;
  after: string;
}

/** Variations of a boolean flag; its value is `true` for `on`. */
export const BOOLEAN_VARIATIONS = ['on', 'off'] as const;
