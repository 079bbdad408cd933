import type { FastifyInstance } from 'fastify';
import type { Keyring } from '../crypto/keyring.ts';

export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * The public keys verifiers need. Short caching: after a rotation, verifiers that cached the old set refetch when
 * they meet the new kid, and the old key stays listed until its tokens have expired.
 */
export function registerJwksRoute(app: FastifyInstance, keyring: Keyring): void {
  app.get(JWKS_PATH, async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=60');
    return keyring.jwks();
  });
}
