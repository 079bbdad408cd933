import { type EvaluationContext, isFailure, type Outcome } from '../domain/evaluate.ts';

/**
 * The OpenFeature Remote Evaluation Protocol's bodies (https://openfeature.dev/specification/appendix-c), built
 * as JSON text directly: these are the hottest responses of the platform, and each is small.
 */
export type OfrepErrorCode =
  | 'PARSE_ERROR'
  | 'TARGETING_KEY_MISSING'
  | 'INVALID_CONTEXT'
  | 'GENERAL'
  | 'FLAG_NOT_FOUND';

export type ParsedRequest =
  | { ok: true; context: EvaluationContext }
  | { ok: false; code: OfrepErrorCode; details: string };

/** `{ "context": { … } }`; an absent body or context is an empty context (flags without targeting still answer). */
export function parseRequest(raw: string | undefined): ParsedRequest {
  if (raw === undefined || raw.trim() === '') return { ok: true, context: {} };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'PARSE_ERROR', details: 'the body is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, code: 'PARSE_ERROR', details: 'the body must be a JSON object' };
  const context = (body as { context?: unknown }).context;
  if (context === undefined || context === null) return { ok: true, context: {} };
  if (typeof context !== 'object' || Array.isArray(context))
    return { ok: false, code: 'INVALID_CONTEXT', details: 'context must be an object' };
  const key = (context as { targetingKey?: unknown }).targetingKey;
  if (key !== undefined && typeof key !== 'string')
    return { ok: false, code: 'INVALID_CONTEXT', details: 'context.targetingKey must be a string' };
  return { ok: true, context: context as EvaluationContext };
}

export const failureBody = (key: string | null, code: OfrepErrorCode, details: string): string =>
  JSON.stringify(
    key === null
      ? { errorCode: code, errorDetails: details }
      : { key, errorCode: code, errorDetails: details },
  );

const serialize = (outcome: Outcome): string =>
  isFailure(outcome)
    ? failureBody(outcome.key, outcome.errorCode, outcome.errorDetails)
    : JSON.stringify({
        key: outcome.key,
        value: outcome.value,
        variant: outcome.variation,
        reason: outcome.reason,
        metadata: {},
      });

/**
 * Each flag's answers are shared, frozen objects made when the flag is compiled (domain/evaluate.ts), so the JSON
 * of each is built once and then looked up by identity: a bulk answer is the concatenation of texts already
 * made, not a serialization of every flag per request. A changed flag is compiled with new answers, and the texts
 * of the old ones are collected with them.
 */
const serialized = new WeakMap<Outcome, string>();

/** One flag's entry: the success shape (value, variant, reason) or the failure shape (errorCode). */
export function outcomeBody(outcome: Outcome): string {
  let text = serialized.get(outcome);
  if (text === undefined) {
    text = serialize(outcome);
    serialized.set(outcome, text);
  }
  return text;
}

export function bulkBody(outcomes: readonly Outcome[]): string {
  let body = '{"flags":[';
  for (let i = 0; i < outcomes.length; i++) body += (i === 0 ? '' : ',') + outcomeBody(outcomes[i]!);
  return `${body}]}`;
}

/**
 * A bulk answer depends only on the snapshot and the request, so the ETag is both: a client polling with
 * `If-None-Match` gets 304 without anything being evaluated. FNV-1a is enough here: a collision costs one stale
 * poll for one client, and the revision part changes with every flag change anyway.
 */
export function bulkEtag(revision: string, raw: string | undefined): string {
  let h = 0x811c9dc5;
  const text = raw ?? '';
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `"${revision}-${(h >>> 0).toString(36)}-${text.length.toString(36)}"`;
}
