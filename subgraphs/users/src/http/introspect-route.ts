import {
  DomainError,
  IDENTITY_HEADER,
  INTROSPECTION_PATH,
  type IntrospectionRequest,
  verifyIdentity,
} from '@polystatus/kit';
import type { FastifyInstance } from 'fastify';
import type { UsersDeps } from '../service/deps.ts';
import { introspect } from '../service/introspect.ts';

/**
 * For PolyStatus processes only (the gateway, the realtime server): the caller proves it with the identity header
 * signed as a `system` principal. A bad caller gets 403, a bad token 401, so the gateway can tell a misconfigured
 * secret (its problem) from a bad token (the client's).
 */
export function registerIntrospectRoute(app: FastifyInstance, deps: UsersDeps, internalSecret: string): void {
  app.post<{ Body: IntrospectionRequest }>(
    INTROSPECTION_PATH,
    {
      schema: {
        body: {
          type: 'object',
          required: ['token'],
          additionalProperties: false,
          // No length limit here: an oversized token is a bad token (401), not a bad request from the gateway.
          properties: { token: { type: 'string' } },
        },
      },
      preValidation: async (request) => {
        const identity = verifyIdentity(request.headers[IDENTITY_HEADER], internalSecret);
        if (!identity.ok || identity.principal.kind !== 'system') {
          throw new DomainError('FORBIDDEN', 'introspection is for PolyStatus processes only');
        }
      },
    },
    async (request) => introspect(deps, request.body.token),
  );
}
