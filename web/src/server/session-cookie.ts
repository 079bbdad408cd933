/**
 * The refresh token lives in this cookie and nowhere else in the browser: httpOnly (page scripts, and so an XSS,
 * cannot read it), SameSite=Strict and scoped to the session routes (sent only to them, never cross-site).
 * The access token it buys is kept in memory by the page (src/lib/session.ts).
 */
export const REFRESH_COOKIE = 'ps_refresh';
const PATH = '/api/session';

/** Secure when the page was served over HTTPS (directly or behind a proxy that says so). */
const isHttps = (request: Request): boolean =>
  new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';

export function refreshCookie(request: Request, token: string, maxAgeSeconds: number): string {
  const parts = [
    `${REFRESH_COOKIE}=${token}`,
    `Path=${PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (isHttps(request)) parts.push('Secure');
  return parts.join('; ');
}

export const clearedRefreshCookie = (request: Request): string => refreshCookie(request, '', 0);

export function readRefreshCookie(request: Request): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return rest.join('=') || null;
  }
  return null;
}

/**
 * The session routes change state with a cookie, so they accept only same-origin JSON: a cross-site form cannot
 * send `application/json` without a preflight, and the Origin header (sent by browsers on every POST) must be
 * this app's own.
 */
export function sameOriginJson(request: Request): boolean {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return false;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The browser's address, passed on to the gateway for login throttling. */
export function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || null;
}
