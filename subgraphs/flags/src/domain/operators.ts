import type { Condition, Operator } from './flag.ts';
import { compareSemver, parseSemver, type SemVer } from './semver.ts';

/** A condition ready to run: its value parsed once, when the snapshot takes the flag, never per evaluation. */
export type Test = (attribute: string) => boolean;

/** Longest attribute a `matches` rule looks at: with the pattern guard, it bounds a regex's work per call. */
export const MATCH_INPUT_LIMIT = 1024;
export const PATTERN_LIMIT = 256;

/**
 * Patterns that can backtrack exponentially: a quantified group that itself contains a quantifier (`(a+)+`,
 * `(\w*)*`, `(x{1,9}){2,}`) and backreferences. Together with the input limit, what remains runs in time
 * proportional to the input: V8's engine is a backtracking one, so the guard is the only protection.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)(?:[+*?]|\{\d+,?\d*\})/;
const BACKREFERENCE = /\\[1-9]|\\k</;

/** Why a `matches` pattern is refused, or null when it is accepted. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > PATTERN_LIMIT) return `is longer than ${PATTERN_LIMIT} characters`;
  if (NESTED_QUANTIFIER.test(pattern))
    return 'nests quantifiers (a quantified group with a quantifier inside)';
  if (BACKREFERENCE.test(pattern)) return 'uses a backreference';
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return `is not a valid regular expression: ${(err as Error).message}`;
  }
  return null;
}

/** A number, or an instant (epoch milliseconds, or ISO 8601 text) for `before` and `after`. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
export const toInstant = (text: string): number => (/^\d+$/.test(text) ? Number(text) : Date.parse(text));

export const listOf = (value: string | string[]): string[] =>
  Array.isArray(value) ? value : value.split(',').map((v) => v.trim());

const single = (value: string | string[]): string => (Array.isArray(value) ? (value[0] ?? '') : value);

/** Why a condition's value cannot serve its operator (a date that does not parse …), or null. */
export function valueProblem(c: Condition): string | null {
  const v = single(c.value);
  switch (c.op) {
    case 'in':
    case 'not_in':
      return listOf(c.value).length === 0 ? 'needs at least one value' : null;
    case 'matches':
      return patternProblem(v);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return Number.isFinite(toNumber(v)) ? null : `is not a number: ${JSON.stringify(v)}`;
    case 'semver_eq':
    case 'semver_gt':
    case 'semver_lt':
      return parseSemver(v) ? null : `is not a semantic version (1.2.3): ${JSON.stringify(v)}`;
    case 'before':
    case 'after':
      return Number.isFinite(toInstant(v)) ? null : `is not an ISO 8601 instant or epoch milliseconds`;
    default:
      return Array.isArray(c.value) && c.value.length !== 1 ? `${c.op} takes one value` : null;
  }
}

/**
 * The last attribute parsed as a version, kept (parsed versions are never modified): a bulk evaluation tests one
 * context's `appVersion` against the semver rules of every flag, and would otherwise parse it once per flag.
 */
let lastVersionText: string | undefined;
let lastVersion: SemVer | null = null;
const versionOf = (text: string): SemVer | null => {
  if (text !== lastVersionText) {
    lastVersion = parseSemver(text);
    lastVersionText = text;
  }
  return lastVersion;
};

const bySemver = (v: string, ok: (order: number) => boolean): Test => {
  const want = parseSemver(v) as SemVer;
  return (a) => {
    const got = versionOf(a);
    return got !== null && ok(compareSemver(got, want));
  };
};

const byNumber = (v: string, ok: (a: number, b: number) => boolean): Test => {
  const want = toNumber(v);
  return (a) => {
    const got = toNumber(a);
    return !Number.isNaN(got) && ok(got, want);
  };
};

const byInstant = (v: string, ok: (a: number, b: number) => boolean): Test => {
  const want = toInstant(v);
  return (a) => {
    const got = toInstant(a);
    return !Number.isNaN(got) && ok(got, want);
  };
};

/** The test for a validated condition. Every operator compares the attribute as text unless it says otherwise. */
export function compileCondition(c: Condition): Test {
  const v = single(c.value);
  const ops: Record<Operator, () => Test> = {
    eq: () => (a) => a === v,
    neq: () => (a) => a !== v,
    in: () => {
      const set = new Set(listOf(c.value));
      return (a) => set.has(a);
    },
    not_in: () => {
      const set = new Set(listOf(c.value));
      return (a) => !set.has(a);
    },
    contains: () => (a) => a.includes(v),
    starts_with: () => (a) => a.startsWith(v),
    ends_with: () => (a) => a.endsWith(v),
    matches: () => {
      const re = new RegExp(v, 'u');
      return (a) => re.test(a.length > MATCH_INPUT_LIMIT ? a.slice(0, MATCH_INPUT_LIMIT) : a);
    },
    gt: () => byNumber(v, (a, b) => a > b),
    gte: () => byNumber(v, (a, b) => a >= b),
    lt: () => byNumber(v, (a, b) => a < b),
    lte: () => byNumber(v, (a, b) => a <= b),
    semver_eq: () => bySemver(v, (o) => o === 0),
    semver_gt: () => bySemver(v, (o) => o > 0),
    semver_lt: () => bySemver(v, (o) => o < 0),
    before: () => byInstant(v, (a, b) => a < b),
    after: () => byInstant(v, (a, b) => a > b),
  };
  return ops[c.op]();
}
