import { NotifySubscriptionMutation } from './notify-subscriptions.ts';
import {
  NotifyWebhookMutation,
  NotifyWebhookQuery,
  notifyEnums,
  WebhookEndpointType,
} from './notify-webhooks.ts';

/**
 * The notification side's resolvers (src/notify), merged into the comms map by resolvers/index.ts, so the two
 * halves of the domain keep their resolvers in files of their own and `satisfies Resolvers` checks the whole map.
 */
export const NotifyQuery = NotifyWebhookQuery;
export const NotifyMutation = { ...NotifySubscriptionMutation, ...NotifyWebhookMutation };
/** Object types and enums only the notifications have. */
export const notifyTypes = { WebhookEndpoint: WebhookEndpointType, ...notifyEnums };
