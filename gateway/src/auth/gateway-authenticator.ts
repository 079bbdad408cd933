import {
  ANONYMOUS,
  type Authenticator,
  createIntrospectionAuthenticator,
  DomainError,
  isServiceAuthorization,
  type Logger,
  type Principal,
  verifyServiceAuthorization,
} from '@polystatus/kit';
import { bearerToken, JwtAuthenticator } from './authenticator.ts';

export interface GatewayAuthenticator extends Authenticator {
  close(): Promise<void>;
}

export interface GatewayAuthenticatorOptions {
  usersServiceUrl: string;
  internalSecret: string;
  timeoutMs?: number;
  /**
   * While the users service cannot be reached, accept a session JWT that verified locally, with the role it
   * carries. See below for the trade-off; `false` refuses every authenticated request with 503 instead.
   */
  jwtFallback: boolean;
  logger?: Logger;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** While degraded, one warning per this interval is enough to page someone without flooding the logs. */
const DEGRADED_LOG_INTERVAL_MS = 30_000;
/**
 * After introspection fails for want of the users service, skip it for this long: a stopped (not dead) service
 * would otherwise cost every request the full introspection timeout. One request per interval probes again.
 */
const BREAKER_OPEN_MS = 5_000;

/**
 * What the gateway runs: a session JWT is first verified locally (signature, expiry, audience), so forged or
 * stale tokens are refused without touching the users service; then every token, JWTs and `ps_…` API tokens
 * alike, is introspected by the users service, the only one that knows about revoked sessions and disabled users.
 *
 * When the users service is down, introspection cannot answer. Failing closed would take every domain down with
 * it, so (unless `jwtFallback` is off) a locally verified session keeps working with its token's role: incident
 * response goes on during an identity outage. The price: a revocation made during the outage is honoured only
 * when the access token expires (ACCESS_TOKEN_TTL_SECONDS, 10 minutes by default). API tokens cannot be checked
 * without the users service and get 503.
 */
export function createGatewayAuthenticator(opts: GatewayAuthenticatorOptions): GatewayAuthenticator {
  const jwt = new JwtAuthenticator({ usersServiceUrl: opts.usersServiceUrl });
  const introspection = createIntrospectionAuthenticator({
    usersServiceUrl: opts.usersServiceUrl,
    internalSecret: opts.internalSecret,
    caller: 'gateway',
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  let lastDegradedLog = 0;
  let breaker: { until: number; error: DomainError } | undefined;

  const degraded = (local: Principal, err: DomainError): Principal => {
    const now = Date.now();
    if (now - lastDegradedLog > DEGRADED_LOG_INTERVAL_MS) {
      lastDegradedLog = now;
      opts.logger?.warn(
        { reason: err.message },
        'users service unreachable: accepting locally verified session tokens without revocation checks',
      );
    }
    return local;
  };

  return {
    async authenticate(authorization) {
      // PolyStatus's own processes (kit service-credential.ts): checked locally, no users-service round trip.
      if (isServiceAuthorization(authorization)) {
        return verifyServiceAuthorization(authorization!, opts.internalSecret);
      }
      const token = bearerToken(authorization);
      if (token === undefined) return ANONYMOUS;
      const local = JWT_SHAPE.test(token) ? await jwt.verify(token) : undefined;
      const unavailable = (err: DomainError): Principal => {
        if (local && opts.jwtFallback) return degraded(local, err);
        throw err;
      };
      if (breaker && Date.now() < breaker.until) return unavailable(breaker.error);
      try {
        const principal = await introspection.authenticate(authorization);
        breaker = undefined;
        return principal;
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'UNAVAILABLE') throw err;
        breaker = { until: Date.now() + BREAKER_OPEN_MS, error: err };
        return unavailable(err);
      }
    },
    close: () => introspection.close(),
  };
}
