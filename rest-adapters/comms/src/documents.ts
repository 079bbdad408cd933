import { defineOperation } from '@polystatus/kit';
import type * as Op from './generated/operations.ts';

/** The GraphQL operations this adapter sends (the public read path sends none: it serves the snapshot). */
export const PublishAnnouncement = defineOperation<
  Op.PublishAnnouncementMutation,
  Op.PublishAnnouncementMutationVariables
>(/* GraphQL */ `
  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {
    publishAnnouncement(input: $input) {
      id
      incidentId
      state
      message
      publishedAt
      impacts {
        componentId
        oldStatus
        newStatus
      }
    }
  }
`);

// --- notifications (src/notify): email subscriptions and webhooks (handlers/notify-*.ts) ---

export const SubscribeEmail = defineOperation<Op.SubscribeEmailMutation, Op.SubscribeEmailMutationVariables>(
  /* GraphQL */ `
    mutation SubscribeEmail($input: SubscribeEmailInput!) {
      subscribeEmail(input: $input) {
        accepted
      }
    }
  `,
);

export const ConfirmEmailSubscription = defineOperation<
  Op.ConfirmEmailSubscriptionMutation,
  Op.ConfirmEmailSubscriptionMutationVariables
>(/* GraphQL */ `
  mutation ConfirmEmailSubscription($token: String!) {
    confirmEmailSubscription(token: $token) {
      id
      email
      componentIds
      confirmedAt
    }
  }
`);

export const UnsubscribeEmail = defineOperation<
  Op.UnsubscribeEmailMutation,
  Op.UnsubscribeEmailMutationVariables
>(
  /* GraphQL */ `
    mutation UnsubscribeEmail($token: String!) {
      unsubscribeEmail(token: $token)
    }
  `,
);

const WEBHOOK_ENDPOINT_FIELDS = /* GraphQL */ `
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    status
    disabledReason
    disabledAt
    failingSince
    createdAt
    createdById
  }
`;

export const CreateWebhookEndpoint = defineOperation<
  Op.CreateWebhookEndpointMutation,
  Op.CreateWebhookEndpointMutationVariables
>(/* GraphQL */ `
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
  ${WEBHOOK_ENDPOINT_FIELDS}
`);

export const WebhookEndpoints = defineOperation<Op.WebhookEndpointsQuery, Op.WebhookEndpointsQueryVariables>(
  /* GraphQL */ `
    query WebhookEndpoints {
      webhookEndpoints {
        ...WebhookEndpointFields
      }
    }
    ${WEBHOOK_ENDPOINT_FIELDS}
  `,
);

export const WebhookEndpoint = defineOperation<Op.WebhookEndpointQuery, Op.WebhookEndpointQueryVariables>(
  /* GraphQL */ `
    query WebhookEndpoint($id: ID!) {
      webhookEndpoint(id: $id) {
        ...WebhookEndpointFields
      }
    }
    ${WEBHOOK_ENDPOINT_FIELDS}
  `,
);

export const RotateWebhookSecret = defineOperation<
  Op.RotateWebhookSecretMutation,
  Op.RotateWebhookSecretMutationVariables
>(/* GraphQL */ `
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      previousValidUntil
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
  ${WEBHOOK_ENDPOINT_FIELDS}
`);

export const SetWebhookEnabled = defineOperation<
  Op.SetWebhookEnabledMutation,
  Op.SetWebhookEnabledMutationVariables
>(/* GraphQL */ `
  mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {
    setWebhookEnabled(id: $id, enabled: $enabled) {
      ...WebhookEndpointFields
    }
  }
  ${WEBHOOK_ENDPOINT_FIELDS}
`);

export const DeleteWebhookEndpoint = defineOperation<
  Op.DeleteWebhookEndpointMutation,
  Op.DeleteWebhookEndpointMutationVariables
>(/* GraphQL */ `
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

export const RedeliverWebhookMessage = defineOperation<
  Op.RedeliverWebhookMessageMutation,
  Op.RedeliverWebhookMessageMutationVariables
>(/* GraphQL */ `
  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) {
    redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId)
  }
`);

export const WebhookDeliveries = defineOperation<
  Op.WebhookDeliveriesQuery,
  Op.WebhookDeliveriesQueryVariables
>(
  /* GraphQL */ `
    query WebhookDeliveries($id: ID!, $first: Int, $after: String) {
      webhookEndpoint(id: $id) {
        deliveries(first: $first, after: $after) {
          nodes {
            id
            at
            messageId
            eventType
            attempt
            statusCode
            latencyMs
            outcome
            error
            manual
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
);
