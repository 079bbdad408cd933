import { checkVariables, DomainError, type GraphQLLimits } from '@polystatus/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendGraphQLError } from './graphql-error-reply.ts';

/**
 * Refusals that need only the parsed body, made before Apollo spends anything on it: a batch (an array of
 * operations would multiply every per-operation limit by its length) and variables with more values than any
 * real operation binds (POSTed, or as a GET's `variables` parameter). Returns the reply when it refused, so a Fastify hook can end the request.
 */
export function refuseBadShape(
  request: FastifyRequest,
  reply: FastifyReply,
  limits: Pick<GraphQLLimits, 'maxVariableValues'>,
): FastifyReply | undefined {
  if (request.method === 'GET') {
    // Apollo's GET carries the variables as JSON text; count them the same way (Apollo reports bad JSON itself).
    const text = (request.query as { variables?: unknown } | undefined)?.variables;
    if (typeof text !== 'string') return undefined;
    let variables: unknown;
    try {
      variables = JSON.parse(text);
    } catch {
      return undefined;
    }
    const refusal = checkVariables(variables, limits);
    return refusal ? sendGraphQLError(reply, refusal) : undefined;
  }
  if (request.method !== 'POST') return undefined;
  const body = request.body;
  if (Array.isArray(body)) {
    return sendGraphQLError(
      reply,
      new DomainError('VALIDATION', 'operation refused: send one operation per request', {
        details: [{ field: 'body', issue: 'batched operations are not accepted' }],
      }),
    );
  }
  const refusal = checkVariables((body as { variables?: unknown } | null)?.variables, limits);
  return refusal ? sendGraphQLError(reply, refusal) : undefined;
}
