import { fieldError } from '@polystatus/kit';
import type { Evaluation, EvaluationContext, Outcome } from '../domain/evaluate.ts';
import { isFailure } from '../domain/evaluate.ts';
import type { FlagsDeps } from './deps.ts';

const MAX_ATTRIBUTES = 50;

/**
 * Every flag for one user, from the snapshot. Public: flag evaluation needs no token. Every flag gets an
 * answer: a targeting key is always present here, so the only evaluation failure (a rollout without one)
 * cannot happen.
 */
export function evaluateForUser(
  deps: Pick<FlagsDeps, 'snapshot'>,
  user: string,
  role: string | null,
  attributes: readonly { name: string; value: string }[] = [],
): Evaluation[] {
  if (user.trim() === '') throw fieldError('user', 'must not be empty');
  if (attributes.length > MAX_ATTRIBUTES) throw fieldError('attributes', `at most ${MAX_ATTRIBUTES}`);
  const context: EvaluationContext = { targetingKey: user };
  for (const a of attributes) context[a.name] = a.value;
  if (role !== null) context.role = role;
  return deps.snapshot.evaluateAll(context).filter((o: Outcome): o is Evaluation => !isFailure(o));
}
