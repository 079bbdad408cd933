import { graphql } from '../generated/index.ts';

/**
 * The comms domain's operations for the signed-in app: announcements in the incident room, components and
 * maintenance, webhooks. The public page reads the snapshot from rest-comms instead (src/server/public-snapshot.ts)
 * and only listens here for `publicStatusChanged`.
 */
export const AnnouncementFieldsFragment = graphql(`
  fragment AnnouncementFields on Announcement {
    id
    incidentId
    state
    message
    publishedAt
    authorId
    author {
      id
      name
    }
    impacts {
      componentId
      component {
        id
        name
      }
      oldStatus
      newStatus
    }
  }
`);

export const IncidentAnnouncementsQuery = graphql(`
  query IncidentAnnouncements($id: ID!) {
    incident(id: $id) {
      id
      announcements {
        ...AnnouncementFields
      }
    }
    components {
      id
      name
      status
      group {
        id
        name
      }
    }
  }
`);

export const PublishAnnouncementMutation = graphql(`
  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {
    publishAnnouncement(input: $input) {
      ...AnnouncementFields
    }
  }
`);

/** Updates published on one incident, by anyone: the room's public history grows live. */
export const AnnouncementPublishedSubscription = graphql(`
  subscription AnnouncementPublished($incidentId: ID, $after: String) {
    announcementPublished(incidentId: $incidentId, after: $after) {
      cursor
      incidentId
      state
      announcement {
        ...AnnouncementFields
      }
    }
  }
`);

/** Public and token-free: the public page listens on an anonymous socket and renders again on each. */
export const PublicStatusChangedSubscription = graphql(`
  subscription PublicStatusChanged($after: String) {
    publicStatusChanged(after: $after) {
      cursor
      version
      asOf
      indicator
      description
    }
  }
`);

export const ComponentFieldsFragment = graphql(`
  fragment ComponentFields on Component {
    id
    name
    description
    groupId
    position
    status
    updatedAt
  }
`);

export const ComponentsAdminQuery = graphql(`
  query ComponentsAdmin {
    components {
      ...ComponentFields
    }
    componentGroups {
      id
      name
      position
    }
  }
`);

export const CreateComponentGroupMutation = graphql(`
  mutation CreateComponentGroup($input: CreateComponentGroupInput!) {
    createComponentGroup(input: $input) {
      id
      name
      position
    }
  }
`);

export const CreateComponentMutation = graphql(`
  mutation CreateComponent($input: CreateComponentInput!) {
    createComponent(input: $input) {
      ...ComponentFields
    }
  }
`);

export const UpdateComponentMutation = graphql(`
  mutation UpdateComponent($id: ID!, $input: UpdateComponentInput!) {
    updateComponent(id: $id, input: $input) {
      ...ComponentFields
    }
  }
`);

export const MaintenanceFieldsFragment = graphql(`
  fragment MaintenanceFields on Maintenance {
    id
    name
    message
    status
    componentIds
    scheduledFor
    scheduledUntil
    startedAt
    completedAt
    updatedAt
    updates {
      status
      message
      at
      authorId
    }
  }
`);

export const MaintenancesQuery = graphql(`
  query Maintenances($first: Int!) {
    maintenances(first: $first) {
      ...MaintenanceFields
    }
  }
`);

export const ScheduleMaintenanceMutation = graphql(`
  mutation ScheduleMaintenance($input: ScheduleMaintenanceInput!) {
    scheduleMaintenance(input: $input) {
      ...MaintenanceFields
    }
  }
`);

export const UpdateMaintenanceMutation = graphql(`
  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {
    updateMaintenance(id: $id, input: $input) {
      ...MaintenanceFields
    }
  }
`);

export const ChangeMaintenanceStatusMutation = graphql(`
  mutation ChangeMaintenanceStatus($id: ID!, $status: MaintenanceStatus!, $message: String) {
    changeMaintenanceStatus(id: $id, status: $status, message: $message) {
      ...MaintenanceFields
    }
  }
`);

export const WebhookEndpointFieldsFragment = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    status
    disabledReason
    disabledAt
    failingSince
    createdAt
  }
`);

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointFields
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int!) {
    webhookEndpoint(id: $id) {
      id
      deliveries(first: $first) {
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
        }
      }
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
      previousValidUntil
    }
  }
`);

export const SetWebhookEnabledMutation = graphql(`
  mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {
    setWebhookEnabled(id: $id, enabled: $enabled) {
      ...WebhookEndpointFields
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

export const RedeliverWebhookMessageMutation = graphql(`
  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) {
    redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId)
  }
`);

/** Public: sent by this app's server for the status page's form (src/server/public-subscribe.ts). */
export const SubscribeEmailMutation = graphql(`
  mutation SubscribeEmail($input: SubscribeEmailInput!) {
    subscribeEmail(input: $input) {
      accepted
    }
  }
`);

/** The manual banner as an admin sets it (the public banner shows it when nothing more severe is going on). */
export const StatusBannerFieldsFragment = graphql(`
  fragment StatusBannerFields on StatusBanner {
    id
    level
    title
    message
    link
    startsAt
    endsAt
    showing
    setById
    setBy {
      id
      name
    }
    setAt
  }
`);

export const StatusBannerQuery = graphql(`
  query StatusBanner {
    statusBanner {
      ...StatusBannerFields
    }
  }
`);

/** The banner's changes, newest first, a page at a time (`after`: the last cursor seen). */
export const StatusBannerHistoryQuery = graphql(`
  query StatusBannerHistory($first: Int, $after: ID) {
    statusBannerHistory(first: $first, after: $after) {
      cursor
      action
      at
      actorId
      actor {
        id
        name
      }
      bannerId
      title
      level
      message
      link
      startsAt
      endsAt
      replacedId
    }
  }
`);

export const SetStatusBannerMutation = graphql(`
  mutation SetStatusBanner($input: SetStatusBannerInput!) {
    setStatusBanner(input: $input) {
      ...StatusBannerFields
    }
  }
`);

export const ClearStatusBannerMutation = graphql(`
  mutation ClearStatusBanner {
    clearStatusBanner
  }
`);
