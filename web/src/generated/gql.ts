/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PublicBanner {\n    publicBanner {\n      id\n      kind\n      level\n      title\n      state\n      message\n      url\n      alsoActive\n    }\n  }\n": typeof types.PublicBannerDocument,
    "\n  subscription PublicBannerChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n    }\n  }\n": typeof types.PublicBannerChangedDocument,
    "\n  fragment AnnouncementFields on Announcement {\n    id\n    incidentId\n    state\n    message\n    publishedAt\n    authorId\n    author {\n      id\n      name\n    }\n    impacts {\n      componentId\n      component {\n        id\n        name\n      }\n      oldStatus\n      newStatus\n    }\n  }\n": typeof types.AnnouncementFieldsFragmentDoc,
    "\n  query IncidentAnnouncements($id: ID!) {\n    incident(id: $id) {\n      id\n      announcements {\n        ...AnnouncementFields\n      }\n    }\n    components {\n      id\n      name\n      status\n      group {\n        id\n        name\n      }\n    }\n  }\n": typeof types.IncidentAnnouncementsDocument,
    "\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      ...AnnouncementFields\n    }\n  }\n": typeof types.PublishAnnouncementDocument,
    "\n  subscription AnnouncementPublished($incidentId: ID, $after: String) {\n    announcementPublished(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      state\n      announcement {\n        ...AnnouncementFields\n      }\n    }\n  }\n": typeof types.AnnouncementPublishedDocument,
    "\n  subscription PublicStatusChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n      asOf\n      indicator\n      description\n    }\n  }\n": typeof types.PublicStatusChangedDocument,
    "\n  fragment ComponentFields on Component {\n    id\n    name\n    description\n    groupId\n    position\n    status\n    updatedAt\n  }\n": typeof types.ComponentFieldsFragmentDoc,
    "\n  query ComponentsAdmin {\n    components {\n      ...ComponentFields\n    }\n    componentGroups {\n      id\n      name\n      position\n    }\n  }\n": typeof types.ComponentsAdminDocument,
    "\n  mutation CreateComponentGroup($input: CreateComponentGroupInput!) {\n    createComponentGroup(input: $input) {\n      id\n      name\n      position\n    }\n  }\n": typeof types.CreateComponentGroupDocument,
    "\n  mutation CreateComponent($input: CreateComponentInput!) {\n    createComponent(input: $input) {\n      ...ComponentFields\n    }\n  }\n": typeof types.CreateComponentDocument,
    "\n  mutation UpdateComponent($id: ID!, $input: UpdateComponentInput!) {\n    updateComponent(id: $id, input: $input) {\n      ...ComponentFields\n    }\n  }\n": typeof types.UpdateComponentDocument,
    "\n  fragment MaintenanceFields on Maintenance {\n    id\n    name\n    message\n    status\n    componentIds\n    scheduledFor\n    scheduledUntil\n    startedAt\n    completedAt\n    updatedAt\n    updates {\n      status\n      message\n      at\n      authorId\n    }\n  }\n": typeof types.MaintenanceFieldsFragmentDoc,
    "\n  query Maintenances($first: Int!) {\n    maintenances(first: $first) {\n      ...MaintenanceFields\n    }\n  }\n": typeof types.MaintenancesDocument,
    "\n  mutation ScheduleMaintenance($input: ScheduleMaintenanceInput!) {\n    scheduleMaintenance(input: $input) {\n      ...MaintenanceFields\n    }\n  }\n": typeof types.ScheduleMaintenanceDocument,
    "\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...MaintenanceFields\n    }\n  }\n": typeof types.UpdateMaintenanceDocument,
    "\n  mutation ChangeMaintenanceStatus($id: ID!, $status: MaintenanceStatus!, $message: String) {\n    changeMaintenanceStatus(id: $id, status: $status, message: $message) {\n      ...MaintenanceFields\n    }\n  }\n": typeof types.ChangeMaintenanceStatusDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    status\n    disabledReason\n    disabledAt\n    failingSince\n    createdAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first) {\n        nodes {\n          id\n          at\n          messageId\n          eventType\n          attempt\n          statusCode\n          latencyMs\n          outcome\n          error\n          manual\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n      previousValidUntil\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEnabled(id: $id, enabled: $enabled) {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.SetWebhookEnabledDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) {\n    redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId)\n  }\n": typeof types.RedeliverWebhookMessageDocument,
    "\n  mutation SubscribeEmail($input: SubscribeEmailInput!) {\n    subscribeEmail(input: $input) {\n      accepted\n    }\n  }\n": typeof types.SubscribeEmailDocument,
    "\n  fragment StatusBannerFields on StatusBanner {\n    id\n    level\n    title\n    message\n    link\n    startsAt\n    endsAt\n    showing\n    setById\n    setBy {\n      id\n      name\n    }\n    setAt\n  }\n": typeof types.StatusBannerFieldsFragmentDoc,
    "\n  query StatusBanner {\n    statusBanner {\n      ...StatusBannerFields\n    }\n  }\n": typeof types.StatusBannerDocument,
    "\n  query StatusBannerHistory($first: Int, $after: ID) {\n    statusBannerHistory(first: $first, after: $after) {\n      cursor\n      action\n      at\n      actorId\n      actor {\n        id\n        name\n      }\n      bannerId\n      title\n      level\n      message\n      link\n      startsAt\n      endsAt\n      replacedId\n    }\n  }\n": typeof types.StatusBannerHistoryDocument,
    "\n  mutation SetStatusBanner($input: SetStatusBannerInput!) {\n    setStatusBanner(input: $input) {\n      ...StatusBannerFields\n    }\n  }\n": typeof types.SetStatusBannerDocument,
    "\n  mutation ClearStatusBanner {\n    clearStatusBanner\n  }\n": typeof types.ClearStatusBannerDocument,
    "\n  fragment CspEventFields on CspEvent {\n    id\n    providerId\n    upstreamId\n    kind\n    title\n    status\n    impact\n    components\n    regions\n    startedAt\n    updatedAt\n    resolvedAt\n    active\n    url\n    incidentId\n    updates {\n      at\n      status\n      body\n    }\n  }\n": typeof types.CspEventFieldsFragmentDoc,
    "\n  query IncidentCspEvents($id: ID!) {\n    incident(id: $id) {\n      id\n      cspEvents {\n        ...CspEventFields\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.IncidentCspEventsDocument,
    "\n  query Wallboard($first: Int!) {\n    providers {\n      id\n      name\n      type\n      enabled\n      components {\n        name\n        status\n        group\n      }\n      health {\n        reachable\n        circuit\n        lastSuccessAt\n        lastError\n        consecutiveFailures\n      }\n    }\n    cspEvents(filter: { active: true }, first: $first) {\n      nodes {\n        ...CspEventFields\n      }\n    }\n  }\n": typeof types.WallboardDocument,
    "\n  query CspCauseGraph($windowHours: Int!) {\n    cspCauseGraph(windowHours: $windowHours) {\n      nodes {\n        id\n        events {\n          id\n          title\n          impact\n          active\n        }\n      }\n      edges {\n        fromId\n        toId\n        kind\n        confidence\n        evidence {\n          overlapSeconds\n          sharedRegions\n          sharedComponents\n        }\n      }\n    }\n  }\n": typeof types.CspCauseGraphDocument,
    "\n  subscription CspEventChanged($after: String) {\n    cspEventChanged(after: $after) {\n      cursor\n      kind\n      eventId\n      providerId\n      active\n      cspEvent {\n        ...CspEventFields\n      }\n    }\n  }\n": typeof types.CspEventChangedDocument,
    "\n  fragment ProviderAdminFields on Provider {\n    id\n    name\n    feedUrl\n    type\n    format\n    intervalSeconds\n    enabled\n    dependsOn {\n      id\n    }\n    pollerId\n    createdAt\n    health {\n      lastPollAt\n      lastSuccessAt\n      lastErrorAt\n      lastError\n      lastHttpStatus\n      lastDurationMs\n      consecutiveFailures\n      circuit\n      circuitRetryAt\n      reachable\n    }\n  }\n": typeof types.ProviderAdminFieldsFragmentDoc,
    "\n  query ProvidersAdmin {\n    providers {\n      ...ProviderAdminFields\n    }\n    cspServiceDependencies {\n      service\n      providerId\n      components\n    }\n  }\n": typeof types.ProvidersAdminDocument,
    "\n  mutation RegisterProvider($input: RegisterProviderInput!) {\n    registerProvider(input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n": typeof types.RegisterProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n": typeof types.UpdateProviderDocument,
    "\n  mutation RefreshProvider($id: ID!) {\n    refreshProvider(id: $id) {\n      providerId\n      httpStatus\n      created\n      updated\n      resolved\n      notModified\n      durationMs\n      error\n      circuit\n      at\n      provider {\n        ...ProviderAdminFields\n      }\n    }\n  }\n": typeof types.RefreshProviderDocument,
    "\n  mutation SetServiceDependencies($service: String!, $dependencies: [CspDependencyInput!]!) {\n    setServiceDependencies(service: $service, dependencies: $dependencies) {\n      service\n      providerId\n      components\n    }\n  }\n": typeof types.SetServiceDependenciesDocument,
    "\n  fragment FlagFields on Flag {\n    key\n    on\n    kind\n    description\n    variations\n    offVariation\n    fallthrough {\n      variation\n      rollout {\n        variation\n        weight\n      }\n    }\n    rules {\n      if {\n        attr\n        op\n        values\n      }\n      serve {\n        variation\n        rollout {\n          variation\n          weight\n        }\n      }\n    }\n    targets {\n      user\n      variation\n    }\n    version\n    createdAt\n    updatedAt\n    updatedById\n  }\n": typeof types.FlagFieldsFragmentDoc,
    "\n  query Flags {\n    flags {\n      ...FlagFields\n    }\n  }\n": typeof types.FlagsDocument,
    "\n  subscription FlagChanged($after: String) {\n    flagChanged(after: $after) {\n      cursor\n      key\n      action\n      at\n      actorId\n      on\n      version\n      incidentId\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n": typeof types.FlagChangedDocument,
    "\n  query FlagAudit($key: ID!, $first: Int!, $after: String) {\n    flag(key: $key) {\n      key\n      audit(first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          at\n          incidentId\n          before\n          after\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.FlagAuditDocument,
    "\n  mutation PutFlag($input: FlagInput!, $expectedVersion: Int) {\n    putFlag(input: $input, expectedVersion: $expectedVersion) {\n      created\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n": typeof types.PutFlagDocument,
    "\n  mutation ToggleFlag($key: ID!, $on: Boolean!) {\n    toggleFlag(key: $key, on: $on) {\n      changed\n      flag {\n        key\n        on\n        version\n        updatedAt\n        updatedById\n      }\n    }\n  }\n": typeof types.ToggleFlagDocument,
    "\n  query KillSwitches {\n    me {\n      id\n      flags {\n        key\n        variation\n        off\n      }\n    }\n  }\n": typeof types.KillSwitchesDocument,
    "\n  mutation KillSwitch($key: ID!, $on: Boolean!, $incidentId: ID!) {\n    toggleFlag(key: $key, on: $on, incidentId: $incidentId) {\n      changed\n      incidentId\n      timelineEntryId\n      timelineError\n      flag {\n        key\n        on\n        version\n      }\n    }\n  }\n": typeof types.KillSwitchDocument,
    "\n  fragment IncidentCard on Incident {\n    id\n    title\n    sev\n    status\n    services\n    summary\n    source\n    startedAt\n    mitigatedAt\n    resolvedAt\n    updatedAt\n    version\n    acknowledgedAt\n    commanderId\n    commander {\n      id\n      name\n    }\n  }\n": typeof types.IncidentCardFragmentDoc,
    "\n  fragment TimelineEventFields on TimelineEvent {\n    id\n    incidentId\n    type\n    message\n    at\n    system\n    authorId\n    author {\n      id\n      name\n    }\n  }\n": typeof types.TimelineEventFieldsFragmentDoc,
    "\n  query Dashboard($first: Int!, $resolved: Int!) {\n    open: incidents(filter: { status: OPEN }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    mitigated: incidents(filter: { status: MITIGATED }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    resolved: incidents(filter: { status: RESOLVED }, first: $resolved) {\n      nodes {\n        ...IncidentCard\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  subscription IncidentChanged($after: String) {\n    incidentChanged(after: $after) {\n      cursor\n      kind\n      incidentId\n      version\n      incident {\n        ...IncidentCard\n      }\n    }\n  }\n": typeof types.IncidentChangedDocument,
    "\n  query IncidentRoom($id: ID!) {\n    incident(id: $id) {\n      ...IncidentCard\n      ...IncidentResponse\n      createdBy {\n        id\n        name\n      }\n      postmortem {\n        incidentId\n        version\n        whatHappened\n        rootCause\n        impact\n        lessonsLearned\n        editedAt\n        editedBy {\n          id\n          name\n        }\n        actionItems {\n          text\n          ownerId\n          done\n          actionItemId\n        }\n      }\n    }\n  }\n": typeof types.IncidentRoomDocument,
    "\n  query TimelinePage($id: ID!, $first: Int!, $after: String) {\n    incident(id: $id) {\n      id\n      timeline(first: $first, after: $after) {\n        nodes {\n          ...TimelineEventFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.TimelinePageDocument,
    "\n  subscription IncidentTimeline($incidentId: ID!, $after: String) {\n    incidentTimeline(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      event {\n        ...TimelineEventFields\n      }\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n": typeof types.IncidentTimelineDocument,
    "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentCard\n    }\n  }\n": typeof types.CreateIncidentDocument,
    "\n  mutation AddTimelineEvent($incidentId: ID!, $input: TimelineNoteInput!) {\n    addTimelineEvent(incidentId: $incidentId, input: $input) {\n      ...TimelineEventFields\n    }\n  }\n": typeof types.AddTimelineEventDocument,
    "\n  mutation ChangeIncidentStatus($id: ID!, $status: IncidentStatus!, $note: String, $expectedVersion: Int) {\n    changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n": typeof types.ChangeIncidentStatusDocument,
    "\n  mutation AssignCommander($id: ID!, $commanderId: ID!, $expectedVersion: Int) {\n    assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n": typeof types.AssignCommanderDocument,
    "\n  mutation SubmitPostmortem($incidentId: ID!, $input: PostmortemInput!, $expectedVersion: Int) {\n    submitPostmortem(incidentId: $incidentId, input: $input, expectedVersion: $expectedVersion) {\n      incidentId\n      version\n      whatHappened\n      rootCause\n      impact\n      lessonsLearned\n      editedAt\n      editedBy {\n        id\n        name\n      }\n      actionItems {\n        text\n        ownerId\n        done\n        actionItemId\n      }\n    }\n  }\n": typeof types.SubmitPostmortemDocument,
    "\n  fragment IncidentResponse on Incident {\n    id\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      name\n    }\n    roles {\n      role\n      userId\n      user {\n        id\n        name\n      }\n      assignedAt\n    }\n  }\n": typeof types.IncidentResponseFragmentDoc,
    "\n  fragment ActionItemFields on ActionItem {\n    id\n    incidentId\n    text\n    ownerId\n    owner {\n      id\n      name\n    }\n    dueDate\n    status\n    overdue\n    createdAt\n    updatedAt\n    version\n  }\n": typeof types.ActionItemFieldsFragmentDoc,
    "\n  mutation AcknowledgeIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      acknowledged\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n": typeof types.AcknowledgeIncidentDocument,
    "\n  mutation AssignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    assignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n": typeof types.AssignIncidentRoleDocument,
    "\n  mutation UnassignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    unassignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n": typeof types.UnassignIncidentRoleDocument,
    "\n  query IncidentActionItems($id: ID!, $first: Int!) {\n    incident(id: $id) {\n      id\n      actionItems(first: $first) {\n        nodes {\n          ...ActionItemFields\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.IncidentActionItemsDocument,
    "\n  mutation CreateActionItem($incidentId: ID!, $input: CreateActionItemInput!) {\n    createActionItem(incidentId: $incidentId, input: $input) {\n      ...ActionItemFields\n    }\n  }\n": typeof types.CreateActionItemDocument,
    "\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!, $expectedVersion: Int) {\n    updateActionItem(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ActionItemFields\n    }\n  }\n": typeof types.UpdateActionItemDocument,
    "\n  query MyActionItems($first: Int!, $closed: Int!) {\n    me {\n      id\n      overdue: actionItems(overdue: true, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      open: actionItems(status: OPEN, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      inProgress: actionItems(status: IN_PROGRESS, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      done: actionItems(status: DONE, first: $closed) {\n        nodes {\n          ...MyActionItem\n        }\n      }\n    }\n  }\n": typeof types.MyActionItemsDocument,
    "\n  fragment MyActionItem on ActionItem {\n    ...ActionItemFields\n    incident {\n      id\n      title\n      sev\n      status\n    }\n  }\n": typeof types.MyActionItemFragmentDoc,
    "\n  fragment StatsGroupFields on IncidentStatsGroup {\n    key\n    count\n    openAtEnd\n    timeToAcknowledge {\n      count\n      median\n      p90\n    }\n    timeToResolve {\n      count\n      median\n      p90\n    }\n  }\n": typeof types.StatsGroupFieldsFragmentDoc,
    "\n  query IncidentStats($from: DateTime!, $to: DateTime!) {\n    incidentStats(from: $from, to: $to, groupBy: SEV) {\n      from\n      to\n      total {\n        ...StatsGroupFields\n      }\n      groups {\n        ...StatsGroupFields\n      }\n    }\n  }\n": typeof types.IncidentStatsDocument,
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n": typeof types.MeDocument,
    "\n  query People($first: Int!) {\n    users(first: $first, filter: { disabled: false }) {\n      nodes {\n        id\n        name\n        email\n        role\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  query AdminUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...AdminUser\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  fragment AdminUser on User {\n    id\n    name\n    email\n    role\n    team\n    disabled\n    hasPassword\n    createdAt\n  }\n": typeof types.AdminUserFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...AdminUser\n    }\n  }\n": typeof types.ChangeUserRoleDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    role\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    revoked\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      nodes {\n        ...ApiTokenFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
};
const documents: Documents = {
    "\n  query PublicBanner {\n    publicBanner {\n      id\n      kind\n      level\n      title\n      state\n      message\n      url\n      alsoActive\n    }\n  }\n": types.PublicBannerDocument,
    "\n  subscription PublicBannerChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n    }\n  }\n": types.PublicBannerChangedDocument,
    "\n  fragment AnnouncementFields on Announcement {\n    id\n    incidentId\n    state\n    message\n    publishedAt\n    authorId\n    author {\n      id\n      name\n    }\n    impacts {\n      componentId\n      component {\n        id\n        name\n      }\n      oldStatus\n      newStatus\n    }\n  }\n": types.AnnouncementFieldsFragmentDoc,
    "\n  query IncidentAnnouncements($id: ID!) {\n    incident(id: $id) {\n      id\n      announcements {\n        ...AnnouncementFields\n      }\n    }\n    components {\n      id\n      name\n      status\n      group {\n        id\n        name\n      }\n    }\n  }\n": types.IncidentAnnouncementsDocument,
    "\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      ...AnnouncementFields\n    }\n  }\n": types.PublishAnnouncementDocument,
    "\n  subscription AnnouncementPublished($incidentId: ID, $after: String) {\n    announcementPublished(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      state\n      announcement {\n        ...AnnouncementFields\n      }\n    }\n  }\n": types.AnnouncementPublishedDocument,
    "\n  subscription PublicStatusChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n      asOf\n      indicator\n      description\n    }\n  }\n": types.PublicStatusChangedDocument,
    "\n  fragment ComponentFields on Component {\n    id\n    name\n    description\n    groupId\n    position\n    status\n    updatedAt\n  }\n": types.ComponentFieldsFragmentDoc,
    "\n  query ComponentsAdmin {\n    components {\n      ...ComponentFields\n    }\n    componentGroups {\n      id\n      name\n      position\n    }\n  }\n": types.ComponentsAdminDocument,
    "\n  mutation CreateComponentGroup($input: CreateComponentGroupInput!) {\n    createComponentGroup(input: $input) {\n      id\n      name\n      position\n    }\n  }\n": types.CreateComponentGroupDocument,
    "\n  mutation CreateComponent($input: CreateComponentInput!) {\n    createComponent(input: $input) {\n      ...ComponentFields\n    }\n  }\n": types.CreateComponentDocument,
    "\n  mutation UpdateComponent($id: ID!, $input: UpdateComponentInput!) {\n    updateComponent(id: $id, input: $input) {\n      ...ComponentFields\n    }\n  }\n": types.UpdateComponentDocument,
    "\n  fragment MaintenanceFields on Maintenance {\n    id\n    name\n    message\n    status\n    componentIds\n    scheduledFor\n    scheduledUntil\n    startedAt\n    completedAt\n    updatedAt\n    updates {\n      status\n      message\n      at\n      authorId\n    }\n  }\n": types.MaintenanceFieldsFragmentDoc,
    "\n  query Maintenances($first: Int!) {\n    maintenances(first: $first) {\n      ...MaintenanceFields\n    }\n  }\n": types.MaintenancesDocument,
    "\n  mutation ScheduleMaintenance($input: ScheduleMaintenanceInput!) {\n    scheduleMaintenance(input: $input) {\n      ...MaintenanceFields\n    }\n  }\n": types.ScheduleMaintenanceDocument,
    "\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...MaintenanceFields\n    }\n  }\n": types.UpdateMaintenanceDocument,
    "\n  mutation ChangeMaintenanceStatus($id: ID!, $status: MaintenanceStatus!, $message: String) {\n    changeMaintenanceStatus(id: $id, status: $status, message: $message) {\n      ...MaintenanceFields\n    }\n  }\n": types.ChangeMaintenanceStatusDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    status\n    disabledReason\n    disabledAt\n    failingSince\n    createdAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first) {\n        nodes {\n          id\n          at\n          messageId\n          eventType\n          attempt\n          statusCode\n          latencyMs\n          outcome\n          error\n          manual\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n      previousValidUntil\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEnabled(id: $id, enabled: $enabled) {\n      ...WebhookEndpointFields\n    }\n  }\n": types.SetWebhookEnabledDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) {\n    redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId)\n  }\n": types.RedeliverWebhookMessageDocument,
    "\n  mutation SubscribeEmail($input: SubscribeEmailInput!) {\n    subscribeEmail(input: $input) {\n      accepted\n    }\n  }\n": types.SubscribeEmailDocument,
    "\n  fragment StatusBannerFields on StatusBanner {\n    id\n    level\n    title\n    message\n    link\n    startsAt\n    endsAt\n    showing\n    setById\n    setBy {\n      id\n      name\n    }\n    setAt\n  }\n": types.StatusBannerFieldsFragmentDoc,
    "\n  query StatusBanner {\n    statusBanner {\n      ...StatusBannerFields\n    }\n  }\n": types.StatusBannerDocument,
    "\n  query StatusBannerHistory($first: Int, $after: ID) {\n    statusBannerHistory(first: $first, after: $after) {\n      cursor\n      action\n      at\n      actorId\n      actor {\n        id\n        name\n      }\n      bannerId\n      title\n      level\n      message\n      link\n      startsAt\n      endsAt\n      replacedId\n    }\n  }\n": types.StatusBannerHistoryDocument,
    "\n  mutation SetStatusBanner($input: SetStatusBannerInput!) {\n    setStatusBanner(input: $input) {\n      ...StatusBannerFields\n    }\n  }\n": types.SetStatusBannerDocument,
    "\n  mutation ClearStatusBanner {\n    clearStatusBanner\n  }\n": types.ClearStatusBannerDocument,
    "\n  fragment CspEventFields on CspEvent {\n    id\n    providerId\n    upstreamId\n    kind\n    title\n    status\n    impact\n    components\n    regions\n    startedAt\n    updatedAt\n    resolvedAt\n    active\n    url\n    incidentId\n    updates {\n      at\n      status\n      body\n    }\n  }\n": types.CspEventFieldsFragmentDoc,
    "\n  query IncidentCspEvents($id: ID!) {\n    incident(id: $id) {\n      id\n      cspEvents {\n        ...CspEventFields\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.IncidentCspEventsDocument,
    "\n  query Wallboard($first: Int!) {\n    providers {\n      id\n      name\n      type\n      enabled\n      components {\n        name\n        status\n        group\n      }\n      health {\n        reachable\n        circuit\n        lastSuccessAt\n        lastError\n        consecutiveFailures\n      }\n    }\n    cspEvents(filter: { active: true }, first: $first) {\n      nodes {\n        ...CspEventFields\n      }\n    }\n  }\n": types.WallboardDocument,
    "\n  query CspCauseGraph($windowHours: Int!) {\n    cspCauseGraph(windowHours: $windowHours) {\n      nodes {\n        id\n        events {\n          id\n          title\n          impact\n          active\n        }\n      }\n      edges {\n        fromId\n        toId\n        kind\n        confidence\n        evidence {\n          overlapSeconds\n          sharedRegions\n          sharedComponents\n        }\n      }\n    }\n  }\n": types.CspCauseGraphDocument,
    "\n  subscription CspEventChanged($after: String) {\n    cspEventChanged(after: $after) {\n      cursor\n      kind\n      eventId\n      providerId\n      active\n      cspEvent {\n        ...CspEventFields\n      }\n    }\n  }\n": types.CspEventChangedDocument,
    "\n  fragment ProviderAdminFields on Provider {\n    id\n    name\n    feedUrl\n    type\n    format\n    intervalSeconds\n    enabled\n    dependsOn {\n      id\n    }\n    pollerId\n    createdAt\n    health {\n      lastPollAt\n      lastSuccessAt\n      lastErrorAt\n      lastError\n      lastHttpStatus\n      lastDurationMs\n      consecutiveFailures\n      circuit\n      circuitRetryAt\n      reachable\n    }\n  }\n": types.ProviderAdminFieldsFragmentDoc,
    "\n  query ProvidersAdmin {\n    providers {\n      ...ProviderAdminFields\n    }\n    cspServiceDependencies {\n      service\n      providerId\n      components\n    }\n  }\n": types.ProvidersAdminDocument,
    "\n  mutation RegisterProvider($input: RegisterProviderInput!) {\n    registerProvider(input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n": types.RegisterProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n": types.UpdateProviderDocument,
    "\n  mutation RefreshProvider($id: ID!) {\n    refreshProvider(id: $id) {\n      providerId\n      httpStatus\n      created\n      updated\n      resolved\n      notModified\n      durationMs\n      error\n      circuit\n      at\n      provider {\n        ...ProviderAdminFields\n      }\n    }\n  }\n": types.RefreshProviderDocument,
    "\n  mutation SetServiceDependencies($service: String!, $dependencies: [CspDependencyInput!]!) {\n    setServiceDependencies(service: $service, dependencies: $dependencies) {\n      service\n      providerId\n      components\n    }\n  }\n": types.SetServiceDependenciesDocument,
    "\n  fragment FlagFields on Flag {\n    key\n    on\n    kind\n    description\n    variations\n    offVariation\n    fallthrough {\n      variation\n      rollout {\n        variation\n        weight\n      }\n    }\n    rules {\n      if {\n        attr\n        op\n        values\n      }\n      serve {\n        variation\n        rollout {\n          variation\n          weight\n        }\n      }\n    }\n    targets {\n      user\n      variation\n    }\n    version\n    createdAt\n    updatedAt\n    updatedById\n  }\n": types.FlagFieldsFragmentDoc,
    "\n  query Flags {\n    flags {\n      ...FlagFields\n    }\n  }\n": types.FlagsDocument,
    "\n  subscription FlagChanged($after: String) {\n    flagChanged(after: $after) {\n      cursor\n      key\n      action\n      at\n      actorId\n      on\n      version\n      incidentId\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n": types.FlagChangedDocument,
    "\n  query FlagAudit($key: ID!, $first: Int!, $after: String) {\n    flag(key: $key) {\n      key\n      audit(first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          at\n          incidentId\n          before\n          after\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.FlagAuditDocument,
    "\n  mutation PutFlag($input: FlagInput!, $expectedVersion: Int) {\n    putFlag(input: $input, expectedVersion: $expectedVersion) {\n      created\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n": types.PutFlagDocument,
    "\n  mutation ToggleFlag($key: ID!, $on: Boolean!) {\n    toggleFlag(key: $key, on: $on) {\n      changed\n      flag {\n        key\n        on\n        version\n        updatedAt\n        updatedById\n      }\n    }\n  }\n": types.ToggleFlagDocument,
    "\n  query KillSwitches {\n    me {\n      id\n      flags {\n        key\n        variation\n        off\n      }\n    }\n  }\n": types.KillSwitchesDocument,
    "\n  mutation KillSwitch($key: ID!, $on: Boolean!, $incidentId: ID!) {\n    toggleFlag(key: $key, on: $on, incidentId: $incidentId) {\n      changed\n      incidentId\n      timelineEntryId\n      timelineError\n      flag {\n        key\n        on\n        version\n      }\n    }\n  }\n": types.KillSwitchDocument,
    "\n  fragment IncidentCard on Incident {\n    id\n    title\n    sev\n    status\n    services\n    summary\n    source\n    startedAt\n    mitigatedAt\n    resolvedAt\n    updatedAt\n    version\n    acknowledgedAt\n    commanderId\n    commander {\n      id\n      name\n    }\n  }\n": types.IncidentCardFragmentDoc,
    "\n  fragment TimelineEventFields on TimelineEvent {\n    id\n    incidentId\n    type\n    message\n    at\n    system\n    authorId\n    author {\n      id\n      name\n    }\n  }\n": types.TimelineEventFieldsFragmentDoc,
    "\n  query Dashboard($first: Int!, $resolved: Int!) {\n    open: incidents(filter: { status: OPEN }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    mitigated: incidents(filter: { status: MITIGATED }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    resolved: incidents(filter: { status: RESOLVED }, first: $resolved) {\n      nodes {\n        ...IncidentCard\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  subscription IncidentChanged($after: String) {\n    incidentChanged(after: $after) {\n      cursor\n      kind\n      incidentId\n      version\n      incident {\n        ...IncidentCard\n      }\n    }\n  }\n": types.IncidentChangedDocument,
    "\n  query IncidentRoom($id: ID!) {\n    incident(id: $id) {\n      ...IncidentCard\n      ...IncidentResponse\n      createdBy {\n        id\n        name\n      }\n      postmortem {\n        incidentId\n        version\n        whatHappened\n        rootCause\n        impact\n        lessonsLearned\n        editedAt\n        editedBy {\n          id\n          name\n        }\n        actionItems {\n          text\n          ownerId\n          done\n          actionItemId\n        }\n      }\n    }\n  }\n": types.IncidentRoomDocument,
    "\n  query TimelinePage($id: ID!, $first: Int!, $after: String) {\n    incident(id: $id) {\n      id\n      timeline(first: $first, after: $after) {\n        nodes {\n          ...TimelineEventFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.TimelinePageDocument,
    "\n  subscription IncidentTimeline($incidentId: ID!, $after: String) {\n    incidentTimeline(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      event {\n        ...TimelineEventFields\n      }\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n": types.IncidentTimelineDocument,
    "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentCard\n    }\n  }\n": types.CreateIncidentDocument,
    "\n  mutation AddTimelineEvent($incidentId: ID!, $input: TimelineNoteInput!) {\n    addTimelineEvent(incidentId: $incidentId, input: $input) {\n      ...TimelineEventFields\n    }\n  }\n": types.AddTimelineEventDocument,
    "\n  mutation ChangeIncidentStatus($id: ID!, $status: IncidentStatus!, $note: String, $expectedVersion: Int) {\n    changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n": types.ChangeIncidentStatusDocument,
    "\n  mutation AssignCommander($id: ID!, $commanderId: ID!, $expectedVersion: Int) {\n    assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n": types.AssignCommanderDocument,
    "\n  mutation SubmitPostmortem($incidentId: ID!, $input: PostmortemInput!, $expectedVersion: Int) {\n    submitPostmortem(incidentId: $incidentId, input: $input, expectedVersion: $expectedVersion) {\n      incidentId\n      version\n      whatHappened\n      rootCause\n      impact\n      lessonsLearned\n      editedAt\n      editedBy {\n        id\n        name\n      }\n      actionItems {\n        text\n        ownerId\n        done\n        actionItemId\n      }\n    }\n  }\n": types.SubmitPostmortemDocument,
    "\n  fragment IncidentResponse on Incident {\n    id\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      name\n    }\n    roles {\n      role\n      userId\n      user {\n        id\n        name\n      }\n      assignedAt\n    }\n  }\n": types.IncidentResponseFragmentDoc,
    "\n  fragment ActionItemFields on ActionItem {\n    id\n    incidentId\n    text\n    ownerId\n    owner {\n      id\n      name\n    }\n    dueDate\n    status\n    overdue\n    createdAt\n    updatedAt\n    version\n  }\n": types.ActionItemFieldsFragmentDoc,
    "\n  mutation AcknowledgeIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      acknowledged\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n": types.AcknowledgeIncidentDocument,
    "\n  mutation AssignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    assignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n": types.AssignIncidentRoleDocument,
    "\n  mutation UnassignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    unassignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n": types.UnassignIncidentRoleDocument,
    "\n  query IncidentActionItems($id: ID!, $first: Int!) {\n    incident(id: $id) {\n      id\n      actionItems(first: $first) {\n        nodes {\n          ...ActionItemFields\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.IncidentActionItemsDocument,
    "\n  mutation CreateActionItem($incidentId: ID!, $input: CreateActionItemInput!) {\n    createActionItem(incidentId: $incidentId, input: $input) {\n      ...ActionItemFields\n    }\n  }\n": types.CreateActionItemDocument,
    "\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!, $expectedVersion: Int) {\n    updateActionItem(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ActionItemFields\n    }\n  }\n": types.UpdateActionItemDocument,
    "\n  query MyActionItems($first: Int!, $closed: Int!) {\n    me {\n      id\n      overdue: actionItems(overdue: true, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      open: actionItems(status: OPEN, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      inProgress: actionItems(status: IN_PROGRESS, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      done: actionItems(status: DONE, first: $closed) {\n        nodes {\n          ...MyActionItem\n        }\n      }\n    }\n  }\n": types.MyActionItemsDocument,
    "\n  fragment MyActionItem on ActionItem {\n    ...ActionItemFields\n    incident {\n      id\n      title\n      sev\n      status\n    }\n  }\n": types.MyActionItemFragmentDoc,
    "\n  fragment StatsGroupFields on IncidentStatsGroup {\n    key\n    count\n    openAtEnd\n    timeToAcknowledge {\n      count\n      median\n      p90\n    }\n    timeToResolve {\n      count\n      median\n      p90\n    }\n  }\n": types.StatsGroupFieldsFragmentDoc,
    "\n  query IncidentStats($from: DateTime!, $to: DateTime!) {\n    incidentStats(from: $from, to: $to, groupBy: SEV) {\n      from\n      to\n      total {\n        ...StatsGroupFields\n      }\n      groups {\n        ...StatsGroupFields\n      }\n    }\n  }\n": types.IncidentStatsDocument,
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n": types.MeDocument,
    "\n  query People($first: Int!) {\n    users(first: $first, filter: { disabled: false }) {\n      nodes {\n        id\n        name\n        email\n        role\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  query AdminUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...AdminUser\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  fragment AdminUser on User {\n    id\n    name\n    email\n    role\n    team\n    disabled\n    hasPassword\n    createdAt\n  }\n": types.AdminUserFragmentDoc,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...AdminUser\n    }\n  }\n": types.ChangeUserRoleDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": types.EnableUserDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    role\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    revoked\n    owner {\n      id\n      name\n    }\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      nodes {\n        ...ApiTokenFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicBanner {\n    publicBanner {\n      id\n      kind\n      level\n      title\n      state\n      message\n      url\n      alsoActive\n    }\n  }\n"): (typeof documents)["\n  query PublicBanner {\n    publicBanner {\n      id\n      kind\n      level\n      title\n      state\n      message\n      url\n      alsoActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PublicBannerChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n    }\n  }\n"): (typeof documents)["\n  subscription PublicBannerChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnnouncementFields on Announcement {\n    id\n    incidentId\n    state\n    message\n    publishedAt\n    authorId\n    author {\n      id\n      name\n    }\n    impacts {\n      componentId\n      component {\n        id\n        name\n      }\n      oldStatus\n      newStatus\n    }\n  }\n"): (typeof documents)["\n  fragment AnnouncementFields on Announcement {\n    id\n    incidentId\n    state\n    message\n    publishedAt\n    authorId\n    author {\n      id\n      name\n    }\n    impacts {\n      componentId\n      component {\n        id\n        name\n      }\n      oldStatus\n      newStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentAnnouncements($id: ID!) {\n    incident(id: $id) {\n      id\n      announcements {\n        ...AnnouncementFields\n      }\n    }\n    components {\n      id\n      name\n      status\n      group {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentAnnouncements($id: ID!) {\n    incident(id: $id) {\n      id\n      announcements {\n        ...AnnouncementFields\n      }\n    }\n    components {\n      id\n      name\n      status\n      group {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      ...AnnouncementFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      ...AnnouncementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AnnouncementPublished($incidentId: ID, $after: String) {\n    announcementPublished(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      state\n      announcement {\n        ...AnnouncementFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AnnouncementPublished($incidentId: ID, $after: String) {\n    announcementPublished(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      state\n      announcement {\n        ...AnnouncementFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PublicStatusChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n      asOf\n      indicator\n      description\n    }\n  }\n"): (typeof documents)["\n  subscription PublicStatusChanged($after: String) {\n    publicStatusChanged(after: $after) {\n      cursor\n      version\n      asOf\n      indicator\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ComponentFields on Component {\n    id\n    name\n    description\n    groupId\n    position\n    status\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ComponentFields on Component {\n    id\n    name\n    description\n    groupId\n    position\n    status\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComponentsAdmin {\n    components {\n      ...ComponentFields\n    }\n    componentGroups {\n      id\n      name\n      position\n    }\n  }\n"): (typeof documents)["\n  query ComponentsAdmin {\n    components {\n      ...ComponentFields\n    }\n    componentGroups {\n      id\n      name\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateComponentGroup($input: CreateComponentGroupInput!) {\n    createComponentGroup(input: $input) {\n      id\n      name\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation CreateComponentGroup($input: CreateComponentGroupInput!) {\n    createComponentGroup(input: $input) {\n      id\n      name\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateComponent($input: CreateComponentInput!) {\n    createComponent(input: $input) {\n      ...ComponentFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateComponent($input: CreateComponentInput!) {\n    createComponent(input: $input) {\n      ...ComponentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateComponent($id: ID!, $input: UpdateComponentInput!) {\n    updateComponent(id: $id, input: $input) {\n      ...ComponentFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateComponent($id: ID!, $input: UpdateComponentInput!) {\n    updateComponent(id: $id, input: $input) {\n      ...ComponentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MaintenanceFields on Maintenance {\n    id\n    name\n    message\n    status\n    componentIds\n    scheduledFor\n    scheduledUntil\n    startedAt\n    completedAt\n    updatedAt\n    updates {\n      status\n      message\n      at\n      authorId\n    }\n  }\n"): (typeof documents)["\n  fragment MaintenanceFields on Maintenance {\n    id\n    name\n    message\n    status\n    componentIds\n    scheduledFor\n    scheduledUntil\n    startedAt\n    completedAt\n    updatedAt\n    updates {\n      status\n      message\n      at\n      authorId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Maintenances($first: Int!) {\n    maintenances(first: $first) {\n      ...MaintenanceFields\n    }\n  }\n"): (typeof documents)["\n  query Maintenances($first: Int!) {\n    maintenances(first: $first) {\n      ...MaintenanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleMaintenance($input: ScheduleMaintenanceInput!) {\n    scheduleMaintenance(input: $input) {\n      ...MaintenanceFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleMaintenance($input: ScheduleMaintenanceInput!) {\n    scheduleMaintenance(input: $input) {\n      ...MaintenanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...MaintenanceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...MaintenanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMaintenanceStatus($id: ID!, $status: MaintenanceStatus!, $message: String) {\n    changeMaintenanceStatus(id: $id, status: $status, message: $message) {\n      ...MaintenanceFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMaintenanceStatus($id: ID!, $status: MaintenanceStatus!, $message: String) {\n    changeMaintenanceStatus(id: $id, status: $status, message: $message) {\n      ...MaintenanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    status\n    disabledReason\n    disabledAt\n    failingSince\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    status\n    disabledReason\n    disabledAt\n    failingSince\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($id: ID!, $first: Int!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first) {\n        nodes {\n          id\n          at\n          messageId\n          eventType\n          attempt\n          statusCode\n          latencyMs\n          outcome\n          error\n          manual\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($id: ID!, $first: Int!) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first) {\n        nodes {\n          id\n          at\n          messageId\n          eventType\n          attempt\n          statusCode\n          latencyMs\n          outcome\n          error\n          manual\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n      previousValidUntil\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n      previousValidUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEnabled(id: $id, enabled: $enabled) {\n      ...WebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEnabled(id: $id, enabled: $enabled) {\n      ...WebhookEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) {\n    redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId)\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) {\n    redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeEmail($input: SubscribeEmailInput!) {\n    subscribeEmail(input: $input) {\n      accepted\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribeEmail($input: SubscribeEmailInput!) {\n    subscribeEmail(input: $input) {\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusBannerFields on StatusBanner {\n    id\n    level\n    title\n    message\n    link\n    startsAt\n    endsAt\n    showing\n    setById\n    setBy {\n      id\n      name\n    }\n    setAt\n  }\n"): (typeof documents)["\n  fragment StatusBannerFields on StatusBanner {\n    id\n    level\n    title\n    message\n    link\n    startsAt\n    endsAt\n    showing\n    setById\n    setBy {\n      id\n      name\n    }\n    setAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusBanner {\n    statusBanner {\n      ...StatusBannerFields\n    }\n  }\n"): (typeof documents)["\n  query StatusBanner {\n    statusBanner {\n      ...StatusBannerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusBannerHistory($first: Int, $after: ID) {\n    statusBannerHistory(first: $first, after: $after) {\n      cursor\n      action\n      at\n      actorId\n      actor {\n        id\n        name\n      }\n      bannerId\n      title\n      level\n      message\n      link\n      startsAt\n      endsAt\n      replacedId\n    }\n  }\n"): (typeof documents)["\n  query StatusBannerHistory($first: Int, $after: ID) {\n    statusBannerHistory(first: $first, after: $after) {\n      cursor\n      action\n      at\n      actorId\n      actor {\n        id\n        name\n      }\n      bannerId\n      title\n      level\n      message\n      link\n      startsAt\n      endsAt\n      replacedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusBanner($input: SetStatusBannerInput!) {\n    setStatusBanner(input: $input) {\n      ...StatusBannerFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetStatusBanner($input: SetStatusBannerInput!) {\n    setStatusBanner(input: $input) {\n      ...StatusBannerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearStatusBanner {\n    clearStatusBanner\n  }\n"): (typeof documents)["\n  mutation ClearStatusBanner {\n    clearStatusBanner\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CspEventFields on CspEvent {\n    id\n    providerId\n    upstreamId\n    kind\n    title\n    status\n    impact\n    components\n    regions\n    startedAt\n    updatedAt\n    resolvedAt\n    active\n    url\n    incidentId\n    updates {\n      at\n      status\n      body\n    }\n  }\n"): (typeof documents)["\n  fragment CspEventFields on CspEvent {\n    id\n    providerId\n    upstreamId\n    kind\n    title\n    status\n    impact\n    components\n    regions\n    startedAt\n    updatedAt\n    resolvedAt\n    active\n    url\n    incidentId\n    updates {\n      at\n      status\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentCspEvents($id: ID!) {\n    incident(id: $id) {\n      id\n      cspEvents {\n        ...CspEventFields\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentCspEvents($id: ID!) {\n    incident(id: $id) {\n      id\n      cspEvents {\n        ...CspEventFields\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Wallboard($first: Int!) {\n    providers {\n      id\n      name\n      type\n      enabled\n      components {\n        name\n        status\n        group\n      }\n      health {\n        reachable\n        circuit\n        lastSuccessAt\n        lastError\n        consecutiveFailures\n      }\n    }\n    cspEvents(filter: { active: true }, first: $first) {\n      nodes {\n        ...CspEventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Wallboard($first: Int!) {\n    providers {\n      id\n      name\n      type\n      enabled\n      components {\n        name\n        status\n        group\n      }\n      health {\n        reachable\n        circuit\n        lastSuccessAt\n        lastError\n        consecutiveFailures\n      }\n    }\n    cspEvents(filter: { active: true }, first: $first) {\n      nodes {\n        ...CspEventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CspCauseGraph($windowHours: Int!) {\n    cspCauseGraph(windowHours: $windowHours) {\n      nodes {\n        id\n        events {\n          id\n          title\n          impact\n          active\n        }\n      }\n      edges {\n        fromId\n        toId\n        kind\n        confidence\n        evidence {\n          overlapSeconds\n          sharedRegions\n          sharedComponents\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CspCauseGraph($windowHours: Int!) {\n    cspCauseGraph(windowHours: $windowHours) {\n      nodes {\n        id\n        events {\n          id\n          title\n          impact\n          active\n        }\n      }\n      edges {\n        fromId\n        toId\n        kind\n        confidence\n        evidence {\n          overlapSeconds\n          sharedRegions\n          sharedComponents\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CspEventChanged($after: String) {\n    cspEventChanged(after: $after) {\n      cursor\n      kind\n      eventId\n      providerId\n      active\n      cspEvent {\n        ...CspEventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CspEventChanged($after: String) {\n    cspEventChanged(after: $after) {\n      cursor\n      kind\n      eventId\n      providerId\n      active\n      cspEvent {\n        ...CspEventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderAdminFields on Provider {\n    id\n    name\n    feedUrl\n    type\n    format\n    intervalSeconds\n    enabled\n    dependsOn {\n      id\n    }\n    pollerId\n    createdAt\n    health {\n      lastPollAt\n      lastSuccessAt\n      lastErrorAt\n      lastError\n      lastHttpStatus\n      lastDurationMs\n      consecutiveFailures\n      circuit\n      circuitRetryAt\n      reachable\n    }\n  }\n"): (typeof documents)["\n  fragment ProviderAdminFields on Provider {\n    id\n    name\n    feedUrl\n    type\n    format\n    intervalSeconds\n    enabled\n    dependsOn {\n      id\n    }\n    pollerId\n    createdAt\n    health {\n      lastPollAt\n      lastSuccessAt\n      lastErrorAt\n      lastError\n      lastHttpStatus\n      lastDurationMs\n      consecutiveFailures\n      circuit\n      circuitRetryAt\n      reachable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProvidersAdmin {\n    providers {\n      ...ProviderAdminFields\n    }\n    cspServiceDependencies {\n      service\n      providerId\n      components\n    }\n  }\n"): (typeof documents)["\n  query ProvidersAdmin {\n    providers {\n      ...ProviderAdminFields\n    }\n    cspServiceDependencies {\n      service\n      providerId\n      components\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterProvider($input: RegisterProviderInput!) {\n    registerProvider(input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterProvider($input: RegisterProviderInput!) {\n    registerProvider(input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderAdminFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshProvider($id: ID!) {\n    refreshProvider(id: $id) {\n      providerId\n      httpStatus\n      created\n      updated\n      resolved\n      notModified\n      durationMs\n      error\n      circuit\n      at\n      provider {\n        ...ProviderAdminFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshProvider($id: ID!) {\n    refreshProvider(id: $id) {\n      providerId\n      httpStatus\n      created\n      updated\n      resolved\n      notModified\n      durationMs\n      error\n      circuit\n      at\n      provider {\n        ...ProviderAdminFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetServiceDependencies($service: String!, $dependencies: [CspDependencyInput!]!) {\n    setServiceDependencies(service: $service, dependencies: $dependencies) {\n      service\n      providerId\n      components\n    }\n  }\n"): (typeof documents)["\n  mutation SetServiceDependencies($service: String!, $dependencies: [CspDependencyInput!]!) {\n    setServiceDependencies(service: $service, dependencies: $dependencies) {\n      service\n      providerId\n      components\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlagFields on Flag {\n    key\n    on\n    kind\n    description\n    variations\n    offVariation\n    fallthrough {\n      variation\n      rollout {\n        variation\n        weight\n      }\n    }\n    rules {\n      if {\n        attr\n        op\n        values\n      }\n      serve {\n        variation\n        rollout {\n          variation\n          weight\n        }\n      }\n    }\n    targets {\n      user\n      variation\n    }\n    version\n    createdAt\n    updatedAt\n    updatedById\n  }\n"): (typeof documents)["\n  fragment FlagFields on Flag {\n    key\n    on\n    kind\n    description\n    variations\n    offVariation\n    fallthrough {\n      variation\n      rollout {\n        variation\n        weight\n      }\n    }\n    rules {\n      if {\n        attr\n        op\n        values\n      }\n      serve {\n        variation\n        rollout {\n          variation\n          weight\n        }\n      }\n    }\n    targets {\n      user\n      variation\n    }\n    version\n    createdAt\n    updatedAt\n    updatedById\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Flags {\n    flags {\n      ...FlagFields\n    }\n  }\n"): (typeof documents)["\n  query Flags {\n    flags {\n      ...FlagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FlagChanged($after: String) {\n    flagChanged(after: $after) {\n      cursor\n      key\n      action\n      at\n      actorId\n      on\n      version\n      incidentId\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription FlagChanged($after: String) {\n    flagChanged(after: $after) {\n      cursor\n      key\n      action\n      at\n      actorId\n      on\n      version\n      incidentId\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlagAudit($key: ID!, $first: Int!, $after: String) {\n    flag(key: $key) {\n      key\n      audit(first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          at\n          incidentId\n          before\n          after\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlagAudit($key: ID!, $first: Int!, $after: String) {\n    flag(key: $key) {\n      key\n      audit(first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          at\n          incidentId\n          before\n          after\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PutFlag($input: FlagInput!, $expectedVersion: Int) {\n    putFlag(input: $input, expectedVersion: $expectedVersion) {\n      created\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PutFlag($input: FlagInput!, $expectedVersion: Int) {\n    putFlag(input: $input, expectedVersion: $expectedVersion) {\n      created\n      flag {\n        ...FlagFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToggleFlag($key: ID!, $on: Boolean!) {\n    toggleFlag(key: $key, on: $on) {\n      changed\n      flag {\n        key\n        on\n        version\n        updatedAt\n        updatedById\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ToggleFlag($key: ID!, $on: Boolean!) {\n    toggleFlag(key: $key, on: $on) {\n      changed\n      flag {\n        key\n        on\n        version\n        updatedAt\n        updatedById\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KillSwitches {\n    me {\n      id\n      flags {\n        key\n        variation\n        off\n      }\n    }\n  }\n"): (typeof documents)["\n  query KillSwitches {\n    me {\n      id\n      flags {\n        key\n        variation\n        off\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KillSwitch($key: ID!, $on: Boolean!, $incidentId: ID!) {\n    toggleFlag(key: $key, on: $on, incidentId: $incidentId) {\n      changed\n      incidentId\n      timelineEntryId\n      timelineError\n      flag {\n        key\n        on\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KillSwitch($key: ID!, $on: Boolean!, $incidentId: ID!) {\n    toggleFlag(key: $key, on: $on, incidentId: $incidentId) {\n      changed\n      incidentId\n      timelineEntryId\n      timelineError\n      flag {\n        key\n        on\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentCard on Incident {\n    id\n    title\n    sev\n    status\n    services\n    summary\n    source\n    startedAt\n    mitigatedAt\n    resolvedAt\n    updatedAt\n    version\n    acknowledgedAt\n    commanderId\n    commander {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment IncidentCard on Incident {\n    id\n    title\n    sev\n    status\n    services\n    summary\n    source\n    startedAt\n    mitigatedAt\n    resolvedAt\n    updatedAt\n    version\n    acknowledgedAt\n    commanderId\n    commander {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEventFields on TimelineEvent {\n    id\n    incidentId\n    type\n    message\n    at\n    system\n    authorId\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TimelineEventFields on TimelineEvent {\n    id\n    incidentId\n    type\n    message\n    at\n    system\n    authorId\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($first: Int!, $resolved: Int!) {\n    open: incidents(filter: { status: OPEN }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    mitigated: incidents(filter: { status: MITIGATED }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    resolved: incidents(filter: { status: RESOLVED }, first: $resolved) {\n      nodes {\n        ...IncidentCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($first: Int!, $resolved: Int!) {\n    open: incidents(filter: { status: OPEN }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    mitigated: incidents(filter: { status: MITIGATED }, first: $first) {\n      nodes {\n        ...IncidentCard\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    resolved: incidents(filter: { status: RESOLVED }, first: $resolved) {\n      nodes {\n        ...IncidentCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IncidentChanged($after: String) {\n    incidentChanged(after: $after) {\n      cursor\n      kind\n      incidentId\n      version\n      incident {\n        ...IncidentCard\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription IncidentChanged($after: String) {\n    incidentChanged(after: $after) {\n      cursor\n      kind\n      incidentId\n      version\n      incident {\n        ...IncidentCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentRoom($id: ID!) {\n    incident(id: $id) {\n      ...IncidentCard\n      ...IncidentResponse\n      createdBy {\n        id\n        name\n      }\n      postmortem {\n        incidentId\n        version\n        whatHappened\n        rootCause\n        impact\n        lessonsLearned\n        editedAt\n        editedBy {\n          id\n          name\n        }\n        actionItems {\n          text\n          ownerId\n          done\n          actionItemId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentRoom($id: ID!) {\n    incident(id: $id) {\n      ...IncidentCard\n      ...IncidentResponse\n      createdBy {\n        id\n        name\n      }\n      postmortem {\n        incidentId\n        version\n        whatHappened\n        rootCause\n        impact\n        lessonsLearned\n        editedAt\n        editedBy {\n          id\n          name\n        }\n        actionItems {\n          text\n          ownerId\n          done\n          actionItemId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimelinePage($id: ID!, $first: Int!, $after: String) {\n    incident(id: $id) {\n      id\n      timeline(first: $first, after: $after) {\n        nodes {\n          ...TimelineEventFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TimelinePage($id: ID!, $first: Int!, $after: String) {\n    incident(id: $id) {\n      id\n      timeline(first: $first, after: $after) {\n        nodes {\n          ...TimelineEventFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IncidentTimeline($incidentId: ID!, $after: String) {\n    incidentTimeline(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      event {\n        ...TimelineEventFields\n      }\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription IncidentTimeline($incidentId: ID!, $after: String) {\n    incidentTimeline(incidentId: $incidentId, after: $after) {\n      cursor\n      incidentId\n      event {\n        ...TimelineEventFields\n      }\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentCard\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...IncidentCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTimelineEvent($incidentId: ID!, $input: TimelineNoteInput!) {\n    addTimelineEvent(incidentId: $incidentId, input: $input) {\n      ...TimelineEventFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddTimelineEvent($incidentId: ID!, $input: TimelineNoteInput!) {\n    addTimelineEvent(incidentId: $incidentId, input: $input) {\n      ...TimelineEventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeIncidentStatus($id: ID!, $status: IncidentStatus!, $note: String, $expectedVersion: Int) {\n    changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeIncidentStatus($id: ID!, $status: IncidentStatus!, $note: String, $expectedVersion: Int) {\n    changeIncidentStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCommander($id: ID!, $commanderId: ID!, $expectedVersion: Int) {\n    assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n"): (typeof documents)["\n  mutation AssignCommander($id: ID!, $commanderId: ID!, $expectedVersion: Int) {\n    assignCommander(id: $id, commanderId: $commanderId, expectedVersion: $expectedVersion) {\n      ...IncidentCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPostmortem($incidentId: ID!, $input: PostmortemInput!, $expectedVersion: Int) {\n    submitPostmortem(incidentId: $incidentId, input: $input, expectedVersion: $expectedVersion) {\n      incidentId\n      version\n      whatHappened\n      rootCause\n      impact\n      lessonsLearned\n      editedAt\n      editedBy {\n        id\n        name\n      }\n      actionItems {\n        text\n        ownerId\n        done\n        actionItemId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitPostmortem($incidentId: ID!, $input: PostmortemInput!, $expectedVersion: Int) {\n    submitPostmortem(incidentId: $incidentId, input: $input, expectedVersion: $expectedVersion) {\n      incidentId\n      version\n      whatHappened\n      rootCause\n      impact\n      lessonsLearned\n      editedAt\n      editedBy {\n        id\n        name\n      }\n      actionItems {\n        text\n        ownerId\n        done\n        actionItemId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentResponse on Incident {\n    id\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      name\n    }\n    roles {\n      role\n      userId\n      user {\n        id\n        name\n      }\n      assignedAt\n    }\n  }\n"): (typeof documents)["\n  fragment IncidentResponse on Incident {\n    id\n    acknowledgedAt\n    acknowledgedBy {\n      id\n      name\n    }\n    roles {\n      role\n      userId\n      user {\n        id\n        name\n      }\n      assignedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionItemFields on ActionItem {\n    id\n    incidentId\n    text\n    ownerId\n    owner {\n      id\n      name\n    }\n    dueDate\n    status\n    overdue\n    createdAt\n    updatedAt\n    version\n  }\n"): (typeof documents)["\n  fragment ActionItemFields on ActionItem {\n    id\n    incidentId\n    text\n    ownerId\n    owner {\n      id\n      name\n    }\n    dueDate\n    status\n    overdue\n    createdAt\n    updatedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      acknowledged\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeIncident($id: ID!) {\n    acknowledgeIncident(id: $id) {\n      acknowledged\n      incident {\n        ...IncidentCard\n        ...IncidentResponse\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    assignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n"): (typeof documents)["\n  mutation AssignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    assignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    unassignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n"): (typeof documents)["\n  mutation UnassignIncidentRole($incidentId: ID!, $role: IncidentRole!, $userId: ID!) {\n    unassignIncidentRole(incidentId: $incidentId, role: $role, userId: $userId) {\n      ...IncidentCard\n      ...IncidentResponse\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentActionItems($id: ID!, $first: Int!) {\n    incident(id: $id) {\n      id\n      actionItems(first: $first) {\n        nodes {\n          ...ActionItemFields\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentActionItems($id: ID!, $first: Int!) {\n    incident(id: $id) {\n      id\n      actionItems(first: $first) {\n        nodes {\n          ...ActionItemFields\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateActionItem($incidentId: ID!, $input: CreateActionItemInput!) {\n    createActionItem(incidentId: $incidentId, input: $input) {\n      ...ActionItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateActionItem($incidentId: ID!, $input: CreateActionItemInput!) {\n    createActionItem(incidentId: $incidentId, input: $input) {\n      ...ActionItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!, $expectedVersion: Int) {\n    updateActionItem(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ActionItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateActionItem($id: ID!, $input: UpdateActionItemInput!, $expectedVersion: Int) {\n    updateActionItem(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...ActionItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyActionItems($first: Int!, $closed: Int!) {\n    me {\n      id\n      overdue: actionItems(overdue: true, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      open: actionItems(status: OPEN, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      inProgress: actionItems(status: IN_PROGRESS, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      done: actionItems(status: DONE, first: $closed) {\n        nodes {\n          ...MyActionItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyActionItems($first: Int!, $closed: Int!) {\n    me {\n      id\n      overdue: actionItems(overdue: true, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      open: actionItems(status: OPEN, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      inProgress: actionItems(status: IN_PROGRESS, first: $first) {\n        nodes {\n          ...MyActionItem\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      done: actionItems(status: DONE, first: $closed) {\n        nodes {\n          ...MyActionItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyActionItem on ActionItem {\n    ...ActionItemFields\n    incident {\n      id\n      title\n      sev\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment MyActionItem on ActionItem {\n    ...ActionItemFields\n    incident {\n      id\n      title\n      sev\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatsGroupFields on IncidentStatsGroup {\n    key\n    count\n    openAtEnd\n    timeToAcknowledge {\n      count\n      median\n      p90\n    }\n    timeToResolve {\n      count\n      median\n      p90\n    }\n  }\n"): (typeof documents)["\n  fragment StatsGroupFields on IncidentStatsGroup {\n    key\n    count\n    openAtEnd\n    timeToAcknowledge {\n      count\n      median\n      p90\n    }\n    timeToResolve {\n      count\n      median\n      p90\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentStats($from: DateTime!, $to: DateTime!) {\n    incidentStats(from: $from, to: $to, groupBy: SEV) {\n      from\n      to\n      total {\n        ...StatsGroupFields\n      }\n      groups {\n        ...StatsGroupFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentStats($from: DateTime!, $to: DateTime!) {\n    incidentStats(from: $from, to: $to, groupBy: SEV) {\n      from\n      to\n      total {\n        ...StatsGroupFields\n      }\n      groups {\n        ...StatsGroupFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($first: Int!) {\n    users(first: $first, filter: { disabled: false }) {\n      nodes {\n        id\n        name\n        email\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query People($first: Int!) {\n    users(first: $first, filter: { disabled: false }) {\n      nodes {\n        id\n        name\n        email\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...AdminUser\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...AdminUser\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUser on User {\n    id\n    name\n    email\n    role\n    team\n    disabled\n    hasPassword\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AdminUser on User {\n    id\n    name\n    email\n    role\n    team\n    disabled\n    hasPassword\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    role\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    revoked\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    role\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    revoked\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      nodes {\n        ...ApiTokenFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      nodes {\n        ...ApiTokenFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;