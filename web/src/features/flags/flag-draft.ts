import type { FlagFieldsFragment, FlagInput, FlagKind } from '../../generated/graphql.ts';

/**
 * The flag editor's state and its translation to and from the API. A form edits text (a weight is typed as
 * "12.5"), so the draft holds strings; `toFlagInput` sends them as the schema's FlagInput and leaves every check
 * to the flags domain, whose refusals name the fields (flag-errors.ts puts them under the right control).
 */
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

export interface ServeDraft {
  mode: 'variation' | 'rollout';
  variation: string;
  /** Percent per variation, as typed; an empty weight leaves the variation out of the rollout. */
  weights: Record<string, string>;
}

export interface RuleDraft {
  id: number;
  attr: string;
  op: string;
  /** One value, or a comma-separated list for `in` and `not_in` (the API splits it). */
  value: string;
  serve: ServeDraft;
}

export interface TargetDraft {
  id: number;
  user: string;
  variation: string;
}

export interface FlagDraft {
  key: string;
  description: string;
  on: boolean;
  kind: FlagKind;
  /** MULTIVAR: one per line. BOOLEAN flags always have `on` and `off`. */
  variations: string;
  offVariation: string;
  fallthrough: ServeDraft;
  rules: RuleDraft[];
  targets: TargetDraft[];
}

const BOOLEAN_VARIATIONS = ['on', 'off'];

export const variationsOf = (d: Pick<FlagDraft, 'kind' | 'variations'>): string[] =>
  d.kind === 'BOOLEAN'
    ? BOOLEAN_VARIATIONS
    : d.variations
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean);

export const emptyServe = (variation = 'on'): ServeDraft => ({ mode: 'variation', variation, weights: {} });

export const newFlagDraft = (): FlagDraft => ({
  key: '',
  description: '',
  on: false,
  kind: 'BOOLEAN',
  variations: '',
  offVariation: 'off',
  fallthrough: emptyServe('on'),
  rules: [],
  targets: [],
});

type Serve = FlagFieldsFragment['fallthrough'];

const serveDraft = (serve: Serve): ServeDraft =>
  serve.rollout?.length
    ? {
        mode: 'rollout',
        variation: '',
        weights: Object.fromEntries(serve.rollout.map((w) => [w.variation, String(w.weight)])),
      }
    : { mode: 'variation', variation: serve.variation ?? '', weights: {} };

export function draftFromFlag(flag: FlagFieldsFragment): FlagDraft {
  return {
    key: flag.key,
    description: flag.description,
    on: flag.on,
    kind: flag.kind,
    variations: flag.kind === 'MULTIVAR' ? flag.variations.join('\n') : '',
    offVariation: flag.offVariation,
    fallthrough: serveDraft(flag.fallthrough),
    rules: flag.rules.map((r, id) => ({
      id,
      attr: r.if.attr,
      op: r.if.op,
      value: r.if.values.join(', '),
      serve: serveDraft(r.serve),
    })),
    targets: flag.targets.map((t, id) => ({ id, user: t.user, variation: t.variation })),
  };
}

const typedWeights = (serve: ServeDraft, variations: string[]) =>
  variations
    .map((variation) => ({ variation, typed: (serve.weights[variation] ?? '').trim() }))
    .filter((w) => w.typed !== '');

function serveInput(serve: ServeDraft, variations: string[]) {
  if (serve.mode === 'variation') return { variation: serve.variation };
  return {
    rollout: typedWeights(serve, variations).map((w) => ({
      variation: w.variation,
      weight: Number(w.typed),
    })),
  };
}

/**
 * What the form must catch itself: a weight that is not a number cannot travel as a GraphQL Float at all (the
 * gateway would refuse the whole request without naming the field). Everything else is the domain's to judge.
 */
export function draftProblems(d: FlagDraft): Record<string, string> {
  const variations = variationsOf(d);
  const out: Record<string, string> = {};
  const check = (control: string, serve: ServeDraft) => {
    if (serve.mode !== 'rollout') return;
    const bad = typedWeights(serve, variations).filter((w) => !Number.isFinite(Number(w.typed)));
    if (bad.length) out[control] = `the weight of ${bad.map((w) => w.variation).join(', ')} is not a number`;
  };
  check('fallthrough', d.fallthrough);
  for (const [i, r] of d.rules.entries()) check(`rules.${i}`, r.serve);
  return out;
}

export function toFlagInput(d: FlagDraft): FlagInput {
  const variations = variationsOf(d);
  return {
    key: d.key.trim(),
    on: d.on,
    kind: d.kind,
    variations,
    offVariation: d.offVariation,
    description: d.description,
    fallthrough: serveInput(d.fallthrough, variations),
    rules: d.rules.map((r) => {
      const serve = serveInput(r.serve, variations);
      return { if: { attr: r.attr.trim(), op: r.op, value: r.value }, ...serve };
    }),
    targets: d.targets.map((t) => ({ user: t.user.trim(), variation: t.variation })),
  };
}
