import { InputCheck } from '@polystatus/kit';
import { confirmationMail } from '../domain/mail.ts';
import { checkComponentIds, checkSubscriberEmail } from '../domain/validation.ts';
import type { NotifyDeps } from './notify-deps.ts';

/**
 * Subscribing is public (anyone may follow a status page) and answers the same whatever the address's state:
 * new, pending or already confirmed all get "accepted", so the form cannot tell a stranger who is subscribed.
 * Repeats within the throttle window queue no second confirmation (the quiet 201 of the REST route). The mail
 * itself goes through the queue, never inside the request.
 */
export async function subscribeEmail(d: NotifyDeps, input: { email: unknown; componentIds?: unknown }) {
  const check = new InputCheck();
  const { email, emailKey } = checkSubscriberEmail(check, input.email);
  const componentIds = checkComponentIds(check, input.componentIds);
  check.throwIfAny();
  const now = d.clock();
  const outcome = await d.subscribers.subscribe({
    newId: d.newId(),
    email,
    emailKey,
    componentIds,
    now,
    throttleMs: d.confirmThrottleMs,
  });
  if (outcome.sendConfirmation) {
    await d.queue.enqueue({
      kind: 'mail',
      id: d.newId(),
      attempt: 1,
      subscriptionId: outcome.id,
      purpose: 'confirmation',
      mail: confirmationMail({
        to: email,
        pageName: d.pageName,
        confirmUrl: d.links.confirm(outcome.id, now),
        unsubscribeUrl: d.links.unsubscribe(outcome.id),
        expiresInHours: Math.round(d.confirmTtlMs / 3600_000),
      }),
    });
  }
  return { accepted: true };
}

/** Null when the token is invalid or expired, or the subscription is gone: the page says so, nothing leaks. */
export async function confirmSubscription(d: NotifyDeps, token: string) {
  const claims = d.signer.verify(token, 'confirm', d.clock());
  if (!claims) return null;
  return d.subscribers.confirm(claims.subscriptionId, d.clock());
}

/** True when a valid token was given; unsubscribing twice is still a success (the link is idempotent). */
export async function unsubscribe(d: NotifyDeps, token: string): Promise<boolean> {
  const claims = d.signer.verify(token, 'unsubscribe', d.clock());
  if (!claims) return false;
  await d.subscribers.unsubscribe(claims.subscriptionId);
  return true;
}
