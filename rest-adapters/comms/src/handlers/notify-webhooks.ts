import { notFound } from '@polystatus/kit';
import { epochSeconds, epochSecondsOrNull, nextPageHeaders, type RestHandler } from '@polystatus/rest-kit';
import {
  CreateWebhookEndpoint,
  DeleteWebhookEndpoint,
  RedeliverWebhookMessage,
  RotateWebhookSecret,
  SetWebhookEnabled,
  WebhookDeliveries,
  WebhookEndpoint,
  WebhookEndpoints,
} from '../documents.ts';
import type { WebhookDeliveriesQuery, WebhookEndpointFieldsFragment } from '../generated/operations.ts';

type IdParams = { id: string };

export function webhookToRest(e: WebhookEndpointFieldsFragment) {
  return {
    id: e.id,
    url: e.url,
    description: e.description ?? null,
    status: e.status.toLowerCase(),
    disabled_reason: e.disabledReason ?? null,
    disabled_at: epochSecondsOrNull(e.disabledAt),
    failing_since: epochSecondsOrNull(e.failingSince),
    created_at: epochSeconds(e.createdAt),
    created_by: e.createdById,
  };
}

type Delivery = NonNullable<WebhookDeliveriesQuery['webhookEndpoint']>['deliveries']['nodes'][number];

const deliveryToRest = (d: Delivery) => ({
  id: d.id,
  at: epochSeconds(d.at),
  message_id: d.messageId,
  event_type: d.eventType,
  attempt: d.attempt,
  status_code: d.statusCode ?? null,
  latency_ms: d.latencyMs,
  outcome: d.outcome.toLowerCase(),
  error: d.error ?? null,
  manual: d.manual,
});

/** `POST /api/v1/webhooks` (the reference route): 201 with the `whsec_…` signing secret, shown this once. */
export const registerWebhook: RestHandler<{ url: string; description?: string }> = async ({ body }, ctx) => {
  const { createWebhookEndpoint: created } = await ctx.graphql(CreateWebhookEndpoint, {
    input: { url: body.url, description: body.description },
  });
  return { status: 201, body: { ...webhookToRest(created.endpoint), secret: created.secret } };
};

export const listWebhooks: RestHandler = async (_input, ctx) => {
  const { webhookEndpoints } = await ctx.graphql(WebhookEndpoints, {});
  return { body: webhookEndpoints.map(webhookToRest) };
};

export const getWebhook: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { webhookEndpoint } = await ctx.graphql(WebhookEndpoint, { id: params.id });
  if (!webhookEndpoint) throw notFound('webhook', params.id);
  return { body: webhookToRest(webhookEndpoint) };
};

/** Only `enabled` can change: a new URL is a new endpoint (its receiver needs a new secret anyway). */
export const updateWebhook: RestHandler<{ enabled: boolean }, unknown, IdParams> = async (
  { params, body },
  ctx,
) => {
  const data = await ctx.graphql(SetWebhookEnabled, { id: params.id, enabled: body.enabled });
  return { body: webhookToRest(data.setWebhookEnabled) };
};

export const deleteWebhook: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { deleteWebhookEndpoint } = await ctx.graphql(DeleteWebhookEndpoint, { id: params.id });
  if (!deleteWebhookEndpoint) throw notFound('webhook', params.id);
  return { status: 204 };
};

export const rotateWebhookSecret: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { rotateWebhookSecret: r } = await ctx.graphql(RotateWebhookSecret, { id: params.id });
  return {
    body: {
      ...webhookToRest(r.endpoint),
      secret: r.secret,
      previous_secret_valid_until: epochSeconds(r.previousValidUntil),
    },
  };
};

export const listWebhookDeliveries: RestHandler<
  unknown,
  { limit?: number; cursor?: string },
  IdParams
> = async ({ params, query, path }, ctx) => {
  const data = await ctx.graphql(
    WebhookDeliveries,
    { id: params.id, first: query.limit, after: query.cursor },
    { first: 'limit', after: 'cursor' },
  );
  if (!data.webhookEndpoint) throw notFound('webhook', params.id);
  const { nodes, pageInfo } = data.webhookEndpoint.deliveries;
  const next = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  return { body: nodes.map(deliveryToRest), headers: nextPageHeaders(path, query, 'cursor', next) };
};

/** Queues one more delivery of a logged message (202: it goes through the queue, never inside the request). */
export const redeliverWebhookMessage: RestHandler<
  unknown,
  unknown,
  IdParams & { message_id: string }
> = async ({ params }, ctx) => {
  await ctx.graphql(RedeliverWebhookMessage, { endpointId: params.id, messageId: params.message_id });
  return { status: 202, body: { queued: true } };
};
