import { DomainError } from '@polystatus/kit';
import { epochSecondsOrNull, type RestHandler, type RestResult } from '@polystatus/rest-kit';
import { ConfirmEmailSubscription, SubscribeEmail, UnsubscribeEmail } from '../documents.ts';
import { HTML_HEADERS, page, wantsHtml } from './notify-pages.ts';

type TokenQuery = { token: string };

/**
 * `POST /api/v1/subscriptions/email` (the reference route): 201 `pending_confirmation` for every valid address,
 * whatever its state (new, pending or already confirmed), so the answer tells nobody who is subscribed; a repeat
 * within the throttle window queues no second mail (the quiet 201). Public.
 */
export const subscribeEmail: RestHandler<{ email: string; component_ids?: string[] }> = async (
  { body },
  ctx,
) => {
  await ctx.graphql(SubscribeEmail, { input: { email: body.email, componentIds: body.component_ids } });
  return { status: 201, body: { email: body.email.trim(), status: 'pending_confirmation' } };
};

/** An invalid or expired link, shown to a browser as a page rather than as the JSON error. */
async function orLinkProblem(html: boolean, title: string, run: () => Promise<RestResult>) {
  try {
    return await run();
  } catch (err) {
    if (!html || !(err instanceof DomainError) || err.code !== 'VALIDATION') throw err;
    return {
      status: 400,
      headers: HTML_HEADERS,
      body: page(title, 'This link is invalid or has expired. Subscribe again to get a new one.'),
    };
  }
}

/** The link of the confirmation mail. Public: the signed, expiring token is the credential. */
export const confirmEmailSubscription: RestHandler<unknown, TokenQuery> = async ({ query, headers }, ctx) => {
  const html = wantsHtml(headers);
  return orLinkProblem(html, 'Subscription not confirmed', async () => {
    const s = (await ctx.graphql(ConfirmEmailSubscription, { token: query.token })).confirmEmailSubscription;
    if (html) {
      return {
        headers: HTML_HEADERS,
        body: page('Subscription confirmed', `${s.email} will now receive status updates.`),
      };
    }
    return {
      body: {
        id: s.id,
        email: s.email,
        component_ids: s.componentIds,
        confirmed_at: epochSecondsOrNull(s.confirmedAt),
      },
    };
  });
};

/**
 * The unsubscribe link opened in a browser: a page with one button, never an unsubscription by itself, since mail
 * scanners follow every link of a message with GET (the reason RFC 8058 asks for a POST).
 */
export const showUnsubscribe: RestHandler<unknown, TokenQuery> = async ({ query, headers, path }) => {
  const action = `${path}?token=${encodeURIComponent(query.token)}`;
  if (wantsHtml(headers)) {
    return {
      headers: HTML_HEADERS,
      body: page('Unsubscribe', 'Stop receiving status updates at this address?', {
        action,
        button: 'Unsubscribe',
      }),
    };
  }
  return { body: { unsubscribe: { method: 'POST', url: action } } };
};

/**
 * RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` (form-encoded) to the List-Unsubscribe
 * address and the address is gone after that one request; the body is not needed, the token is the credential.
 * Idempotent: posting again still answers 200.
 */
export const unsubscribeEmail: RestHandler<unknown, TokenQuery> = async ({ query, headers }, ctx) => {
  const html = wantsHtml(headers);
  return orLinkProblem(html, 'Not unsubscribed', async () => {
    await ctx.graphql(UnsubscribeEmail, { token: query.token });
    if (html) {
      return {
        headers: HTML_HEADERS,
        body: page('Unsubscribed', 'This address will receive no more status updates from us.'),
      };
    }
    return { body: { unsubscribed: true } };
  });
};
