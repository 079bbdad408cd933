import type { createRestAdapterService } from '@polystatus/rest-kit';
import {
  confirmEmailSubscription,
  showUnsubscribe,
  subscribeEmail,
  unsubscribeEmail,
} from './notify-subscriptions.ts';
import {
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhookMessage,
  registerWebhook,
  rotateWebhookSecret,
  updateWebhook,
} from './notify-webhooks.ts';

/** The notification routes of swaggers/comms.yaml (its "notifications" block), spread into `commsHandlers`. */
export const notifyHandlers = {
  subscribeEmail,
  confirmEmailSubscription,
  showUnsubscribe,
  unsubscribeEmail,
  registerWebhook,
  listWebhooks,
  getWebhook,
  updateWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  listWebhookDeliveries,
  redeliverWebhookMessage,
};

type RestApp = Awaited<ReturnType<typeof createRestAdapterService>>['parts']['app'];

/**
 * RFC 8058's one-click unsubscribe is a form POST (`List-Unsubscribe=One-Click`, url-encoded or multipart), which
 * Fastify would refuse with 415. The body carries nothing we need, so it is read as text, capped, and ignored; a
 * form sent to a JSON route still fails that route's validation (400 `body`).
 */
export function acceptOneClickForms(app: RestApp): void {
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, body),
  );
}
