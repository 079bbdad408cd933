import { InputCheck } from '@polystatus/kit';
import {
  BOOLEAN_VARIATIONS,
  type Condition,
  type FlagDefinition,
  type FlagKind,
  OPERATORS,
  type Rule,
  type Serve,
  type Weighted,
} from './flag.ts';
import { valueProblem } from './operators.ts';

/** A definition as a client sends it: everything but `id` and `on` may be left out. */
export interface FlagInput {
  id?: unknown;
  on?: unknown;
  kind?: unknown;
  variations?: unknown;
  offVariation?: unknown;
  fallthrough?: unknown;
  rules?: unknown;
  targets?: unknown;
  description?: unknown;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
export const MAX_VARIATIONS = 50;
export const MAX_RULES = 200;
export const MAX_TARGETS = 10_000;
const MAX_LIST = 1_000;

export const isFlagKey = (v: unknown): v is string => typeof v === 'string' && KEY.test(v);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a whole definition and reports every problem at once, each naming its field as the REST body spells it
 * (`rules[2].variation`, `targets.users.alice`, `fallthrough.rollout[0].weight`). Besides shapes, a definition
 * may only serve variations it declares: a rule, target, rollout, fallthrough or off variation naming another is
 * refused, since it would serve a value no client expects.
 */
export function validateFlag(input: FlagInput): FlagDefinition {
  const check = new InputCheck();
  const id = isFlagKey(input.id) ? input.id : undefined;
  if (!id) check.add('id', 'must be 1-100 letters, digits, _, . or -, starting with a letter or digit');
  if (typeof input.on !== 'boolean') check.add('on', 'must be true or false');
  const kind: FlagKind = check.oneOf('kind', input.kind, ['boolean', 'multivar']) ?? 'boolean';
  const variations = checkVariations(check, kind, input.variations);
  const known = new Set(variations);
  const variation = (field: string, v: unknown): string | undefined => {
    if (typeof v !== 'string') {
      check.add(field, 'must be a string');
      return undefined;
    }
    if (!known.has(v)) check.add(field, `is ${JSON.stringify(v)}, which is not one of the flag's variations`);
    return v;
  };

  const offVariation =
    input.offVariation == null
      ? kind === 'boolean'
        ? 'off'
        : variations[0]
      : variation('offVariation', input.offVariation);
  const fallthrough =
    input.fallthrough == null
      ? { variation: kind === 'boolean' ? 'on' : variations[0] }
      : checkServe(check, 'fallthrough', input.fallthrough, variation);

  const rules: Rule[] = [];
  if (input.rules != null) {
    if (!Array.isArray(input.rules)) check.add('rules', 'must be a list');
    else if (input.rules.length > MAX_RULES) check.add('rules', `must have at most ${MAX_RULES} rules`);
    else
      for (const [i, raw] of input.rules.entries()) {
        const field = `rules[${i}]`;
        if (!isObject(raw)) {
          check.add(field, 'must be an object');
          continue;
        }
        const condition = checkCondition(check, `${field}.if`, raw.if);
        const serve = checkServe(check, field, raw, variation);
        if (condition && serve) rules.push({ if: condition, ...serve });
      }
  }

  const users: Record<string, string> = {};
  if (input.targets != null) {
    const t = input.targets;
    if (!isObject(t) || (t.users != null && !isObject(t.users)))
      check.add('targets', 'must be { "users": { "<user>": "<variation>" } }');
    else if (t.users != null) {
      const entries = Object.entries(t.users);
      if (entries.length > MAX_TARGETS) check.add('targets.users', `must name at most ${MAX_TARGETS} users`);
      for (const [user, v] of entries) {
        const served = variation(`targets.users.${user}`, v);
        if (served !== undefined) users[user] = served;
      }
    }
  }
  const description = check.text('description', input.description, { max: 2000, multiline: true }) ?? '';
  check.throwIfAny();
  return {
    id: id!,
    on: input.on as boolean,
    kind,
    variations,
    offVariation: offVariation!,
    fallthrough: fallthrough!,
    rules,
    targets: { users },
    description,
  };
}

function checkVariations(check: InputCheck, kind: FlagKind, raw: unknown): string[] {
  if (kind === 'boolean') {
    if (raw == null) return [...BOOLEAN_VARIATIONS];
    const ok = Array.isArray(raw) && raw.length === 2 && BOOLEAN_VARIATIONS.every((v) => raw.includes(v));
    if (!ok) check.add('variations', 'a boolean flag has exactly the variations "on" and "off"');
    return [...BOOLEAN_VARIATIONS];
  }
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > MAX_VARIATIONS) {
    check.add('variations', `a multivariate flag lists 2 to ${MAX_VARIATIONS} variations`);
    return [];
  }
  const out: string[] = [];
  raw.forEach((v, i) => {
    const text = check.text(`variations[${i}]`, v, { max: 200, required: true });
    if (text === undefined) return;
    if (out.includes(text)) check.add(`variations[${i}]`, `repeats ${JSON.stringify(text)}`);
    out.push(text);
  });
  return out;
}

function checkCondition(check: InputCheck, field: string, raw: unknown): Condition | undefined {
  if (!isObject(raw)) {
    check.add(field, 'must be { attr, op, value }');
    return undefined;
  }
  const attr = check.text(`${field}.attr`, raw.attr, { max: 100, required: true });
  const op = check.oneOf(`${field}.op`, raw.op, OPERATORS, { required: true });
  const v = raw.value;
  const list = Array.isArray(v) && v.length <= MAX_LIST && v.every((x) => typeof x === 'string');
  if (typeof v !== 'string' && !list) {
    check.add(`${field}.value`, `must be a string or a list of at most ${MAX_LIST} strings`);
    return undefined;
  }
  if (!attr || !op) return undefined;
  const condition: Condition = { attr, op, value: v as string | string[] };
  const problem = valueProblem(condition);
  if (problem) {
    check.add(`${field}.value`, problem);
    return undefined;
  }
  return condition;
}

/** `{variation}` or `{rollout: [{variation, weight}]}` with weights (percent, three decimals) adding to 100. */
function checkServe(
  check: InputCheck,
  field: string,
  raw: unknown,
  variation: (field: string, v: unknown) => string | undefined,
): Serve | undefined {
  if (!isObject(raw)) {
    check.add(field, 'must be an object');
    return undefined;
  }
  const hasVariation = raw.variation != null;
  const hasRollout = raw.rollout != null;
  if (hasVariation === hasRollout) {
    check.add(field, 'must give either a variation or a rollout');
    return undefined;
  }
  if (hasVariation) {
    const v = variation(`${field}.variation`, raw.variation);
    return v === undefined ? undefined : { variation: v };
  }
  if (!Array.isArray(raw.rollout) || raw.rollout.length === 0 || raw.rollout.length > MAX_VARIATIONS) {
    check.add(`${field}.rollout`, `must list 1 to ${MAX_VARIATIONS} weighted variations`);
    return undefined;
  }
  const rollout: Weighted[] = [];
  let total = 0;
  for (const [i, w] of raw.rollout.entries()) {
    const f = `${field}.rollout[${i}]`;
    if (!isObject(w)) {
      check.add(f, 'must be { variation, weight }');
      continue;
    }
    const v = variation(`${f}.variation`, w.variation);
    const weight = w.weight;
    if (
      typeof weight !== 'number' ||
      !(weight >= 0 && weight <= 100) ||
      Math.abs(weight * 1000 - Math.round(weight * 1000)) > 1e-6
    ) {
      check.add(`${f}.weight`, 'must be a percentage from 0 to 100 with at most three decimals');
      continue;
    }
    total += Math.round(weight * 1000);
    if (v !== undefined) rollout.push({ variation: v, weight });
  }
  if (rollout.length === raw.rollout.length && total !== 100_000)
    check.add(`${field}.rollout`, `weights add up to ${total / 1000}, not 100`);
  return { rollout };
}
