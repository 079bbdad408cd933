import { decodeCursor, fieldError, pageOf, pageSize, requireRole, toConnection } from '@polystatus/kit';
import type { MutationResolvers, QueryResolvers, WebhookEndpointResolvers } from '../generated/resolvers.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhookMessage,
  rotateWebhookSecret,
  setWebhookEnabled,
} from '../notify/service/webhooks.ts';

/** Webhook endpoints are a manager's business: their URLs, delivery logs and secrets say where our data goes. */
export const NotifyWebhookQuery = {
  webhookEndpoints: (_, __, ctx) => {
    requireRole(ctx.principal, 'manager');
    return ctx.deps.notify.webhooks.list();
  },
  webhookEndpoint: (_, { id }, ctx) => {
    requireRole(ctx.principal, 'manager');
    return ctx.deps.notify.webhooks.get(id);
  },
} satisfies QueryResolvers;

export const NotifyWebhookMutation = {
  createWebhookEndpoint: (_, { input }, ctx) =>
    createWebhookEndpoint(ctx.deps.notify, requireRole(ctx.principal, 'manager'), input),
  rotateWebhookSecret: (_, { id }, ctx) => {
    requireRole(ctx.principal, 'manager');
    return rotateWebhookSecret(ctx.deps.notify, id);
  },
  setWebhookEnabled: (_, { id, enabled }, ctx) => {
    requireRole(ctx.principal, 'manager');
    return setWebhookEnabled(ctx.deps.notify, id, enabled);
  },
  deleteWebhookEndpoint: (_, { id }, ctx) => {
    requireRole(ctx.principal, 'manager');
    return deleteWebhookEndpoint(ctx.deps.notify, id);
  },
  redeliverWebhookMessage: (_, { endpointId, messageId }, ctx) => {
    requireRole(ctx.principal, 'manager');
    return redeliverWebhookMessage(ctx.deps.notify, endpointId, messageId);
  },
} satisfies MutationResolvers;

/** Stream entry ids of the delivery log: what a cursor may hold. */
const LOG_ENTRY_ID = /^\d+-\d+$/;

export const WebhookEndpointType = {
  createdById: (endpoint) => endpoint.createdBy,
  // Reached only through the manager-only fields above, which checked the role already.
  deliveries: async (endpoint, { first, after }, ctx) => {
    const limit = pageSize(first);
    const before = after == null ? undefined : decodeCursor(after);
    if (before !== undefined && !LOG_ENTRY_ID.test(before))
      throw fieldError('after', 'is not a cursor this API returned');
    // One more than asked tells whether a next page exists without a second read.
    const rows = await ctx.deps.notify.webhooks.deliveries(endpoint.id, limit + 1, before);
    return toConnection(pageOf(rows.slice(0, limit), rows.length > limit, (r) => r.id));
  },
} satisfies WebhookEndpointResolvers;

export const notifyEnums = {
  WebhookEndpointStatus: { ACTIVE: 'active', DISABLED: 'disabled' },
  WebhookDeliveryOutcome: {
    DELIVERED: 'delivered',
    RETRYING: 'retrying',
    FAILED: 'failed',
    DISABLED: 'disabled',
  },
} as const;
