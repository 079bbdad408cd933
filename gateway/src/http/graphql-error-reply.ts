import type { DomainError } from '@polystatus/kit';
import type { FastifyReply } from 'fastify';

/**
 * Refusals that happen before GraphQL runs (rate limit, authentication) still answer in GraphQL's shape, with the
 * domain code in `extensions.code`, so a GraphQL client handles them like any other error.
 */
export function sendGraphQLError(reply: FastifyReply, err: DomainError): FastifyReply {
  if (err.retryAfter !== undefined) void reply.header('retry-after', String(err.retryAfter));
  return reply.status(err.httpStatus).send({
    errors: [
      {
        message: err.message,
        extensions: {
          code: err.code,
          details: err.details,
          ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
        },
      },
    ],
  });
}
