import { SubscribeEmailMutation } from '../graphql/comms.ts';
import { callGateway, type GatewayError, type GatewayResult } from './gateway.ts';
import { clientAddress } from './session-cookie.ts';

/**
 * `POST /status/subscribe`: the public page's "subscribe by email". A plain form post (no script, a slow client)
 * is answered with a redirect back to the page carrying the outcome; the page's script posts JSON and gets JSON.
 * Either way the gateway's public `subscribeEmail` does the work (double opt-in: a confirmation mail, and the same
 * answer whether or not the address is known), counted against the visitor's address, not this server's.
 */
export async function subscribe(request: Request): Promise<Response> {
  const isJson = (request.headers.get('content-type') ?? '').includes('application/json');
  const email = isJson
    ? ((await request.json().catch(() => null)) as { email?: unknown } | null)?.email
    : (await request.formData().catch(() => null))?.get('email');
  const result: GatewayResult<unknown> =
    typeof email === 'string' && email.trim()
      ? await callGateway(
          SubscribeEmailMutation,
          { input: { email: email.trim() } },
          { forwardedFor: clientAddress(request) },
        )
      : ({
          ok: false,
          status: 400,
          errors: [{ message: 'Enter your email address.', extensions: { code: 'VALIDATION' } }],
        } satisfies GatewayResult<unknown>);

  if (isJson) {
    const body = result.ok ? { accepted: true } : { errors: result.errors };
    return new Response(JSON.stringify(body), {
      status: result.ok ? 200 : result.status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  }
  const back = new URL('/status', request.url);
  if (result.ok) back.searchParams.set('subscribed', '1');
  else back.searchParams.set('subscribe_error', subscribeErrorText(result.errors));
  back.hash = 'subscribe';
  return new Response(null, {
    status: 303,
    headers: { location: `${back.pathname}${back.search}${back.hash}` },
  });
}

/** One line for the visitor: the server's own words for a bad address, a plain sentence otherwise. */
export function subscribeErrorText(errors: GatewayError[]): string {
  const first = errors[0];
  switch (first?.extensions?.code) {
    case 'VALIDATION':
      return first.message;
    case 'RATE_LIMITED':
      return 'Too many requests: try again in a minute.';
    default:
      return 'We could not take your subscription just now: try again in a moment.';
  }
}
