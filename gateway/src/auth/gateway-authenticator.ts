import { ANONYMOUS, type Authenticator, createIntrospectionAuthenticator } from '@polystatus/kit';
import { bearerToken, JwtAuthenticator } from './authenticator.ts';

export interface GatewayAuthenticator extends Authenticator {
  close(): Promise<void>;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * What the gateway runs: a session JWT is first verified locally (signature, expiry, audience), so forged or
 * stale tokens are refused without touching the users service; then every token, JWTs and `ps_…` API tokens
 * alike, is introspected by the users service, the only one that knows about revoked sessions and disabled users.
 */
export function createGatewayAuthenticator(opts: {
  usersServiceUrl: string;
  internalSecret: string;
  timeoutMs?: number;
}): GatewayAuthenticator {
  const jwt = new JwtAuthenticator({ usersServiceUrl: opts.usersServiceUrl });
  const introspection = createIntrospectionAuthenticator({
    usersServiceUrl: opts.usersServiceUrl,
    internalSecret: opts.internalSecret,
    caller: 'gateway',
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return {
    async authenticate(authorization) {
      const token = bearerToken(authorization);
      if (token === undefined) return ANONYMOUS;
      if (JWT_SHAPE.test(token)) await jwt.verify(token);
      return introspection.authenticate(authorization);
    },
    close: () => introspection.close(),
  };
}
