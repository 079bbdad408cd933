import type { LinkSigner } from '../domain/link-token.ts';

/**
 * Addresses in mails, on the comms REST adapter's public routes (rest-adapters/comms handlers/notify-*.ts):
 * `GET …/confirm?token=` confirms, `POST …/unsubscribe?token=` unsubscribes in one request (RFC 8058), and its
 * GET shows a page with the button (a link scanner that follows GETs must not unsubscribe anyone).
 */
export interface SubscriberLinks {
  confirm(subscriptionId: string, now: number): string;
  unsubscribe(subscriptionId: string): string;
  status(): string;
}

export function subscriberLinks(pageUrl: string, signer: LinkSigner, confirmTtlMs: number): SubscriberLinks {
  const base = pageUrl.replace(/\/+$/, '');
  const at = (path: string, token: string) => `${base}${path}?token=${encodeURIComponent(token)}`;
  return {
    confirm: (id, now) =>
      at(
        '/api/v1/subscriptions/email/confirm',
        signer.sign({ purpose: 'confirm', subscriptionId: id, expiresAt: now + confirmTtlMs }),
      ),
    unsubscribe: (id) =>
      at(
        '/api/v1/subscriptions/email/unsubscribe',
        signer.sign({ purpose: 'unsubscribe', subscriptionId: id }),
      ),
    status: () => base,
  };
}
