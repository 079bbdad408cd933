import type { ResultOf } from '@graphql-typed-document-node/core';
import type { SessionFields } from '../graphql/session.ts';
import { LoginMutation, LogoutMutation, RefreshSessionMutation } from '../graphql/session.ts';
import { callGateway, type GatewayError, type GatewayResult } from './gateway.ts';
import { RefreshSingleFlight } from './refresh-single-flight.ts';
import {
  clearedRefreshCookie,
  clientAddress,
  readRefreshCookie,
  refreshCookie,
  sameOriginJson,
} from './session-cookie.ts';

/**
 * The three session routes (`/api/session/login|refresh|logout`): they speak to the gateway for the browser so
 * the refresh token stays in an httpOnly cookie. Each answers `{ accessToken, expiresIn, user }` or
 * `{ errors: [{ message, extensions }] }` with the gateway's code.
 */
type Session = ResultOf<typeof SessionFields>;

/** The users domain's session lifetime (REFRESH_TOKEN_TTL_SECONDS default); the cookie never outlives it. */
const COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;

const refreshes = new RefreshSingleFlight<GatewayResult<{ refreshSession: Session }>>();

const json = (status: number, body: unknown, cookie?: string): Response => {
  const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' });
  if (cookie) headers.append('set-cookie', cookie);
  return new Response(JSON.stringify(body), { status, headers });
};

const refused = (status: number, errors: GatewayError[], cookie?: string) => json(status, { errors }, cookie);
const badRequest = (message: string) => refused(400, [{ message, extensions: { code: 'VALIDATION' } }]);

const signedIn = (request: Request, session: Session) =>
  json(
    200,
    { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user },
    refreshCookie(request, session.refreshToken, COOKIE_MAX_AGE_SECONDS),
  );

export async function login(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return badRequest('same-origin JSON only');
  const body = (await request.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
  if (typeof body?.email !== 'string' || typeof body.password !== 'string')
    return badRequest('email and password are required');
  const result = await callGateway(
    LoginMutation,
    { email: body.email, password: body.password },
    { forwardedFor: clientAddress(request) },
  );
  if (!result.ok) return refused(result.status, result.errors);
  return signedIn(request, result.data.login);
}

export async function refresh(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return badRequest('same-origin JSON only');
  const token = readRefreshCookie(request);
  if (!token) return refused(401, [{ message: 'not signed in', extensions: { code: 'UNAUTHENTICATED' } }]);
  const result = await refreshes.run(token, () =>
    callGateway(RefreshSessionMutation, { refreshToken: token }, { forwardedFor: clientAddress(request) }),
  );
  if (!result.ok) {
    // A refused token is spent or revoked: forget it. An outage is not the token's fault: keep it for a retry.
    const spent = result.status === 401 || result.status === 400;
    return refused(result.status, result.errors, spent ? clearedRefreshCookie(request) : undefined);
  }
  return signedIn(request, result.data.refreshSession);
}

export async function logout(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return badRequest('same-origin JSON only');
  const token = readRefreshCookie(request);
  if (token)
    await callGateway(LogoutMutation, { refreshToken: token }, { forwardedFor: clientAddress(request) });
  return json(200, { ok: true }, clearedRefreshCookie(request));
}
