import { graphql } from '../generated/index.ts';

/**
 * The csp domain's operations: provider events in the incident room, the wallboard and its cause-and-effect
 * graph, and the providers admin. Every view of an event selects `CspEventFields`, so one `cspEventChanged`
 * payload refreshes each of them through the normalized cache.
 */
export const CspEventFieldsFragment = graphql(`
  fragment CspEventFields on CspEvent {
    id
    providerId
    upstreamId
    kind
    title
    status
    impact
    components
    regions
    startedAt
    updatedAt
    resolvedAt
    active
    url
    incidentId
    updates {
      at
      status
      body
    }
  }
`);

export const IncidentCspEventsQuery = graphql(`
  query IncidentCspEvents($id: ID!) {
    incident(id: $id) {
      id
      cspEvents {
        ...CspEventFields
        provider {
          id
          name
        }
      }
    }
  }
`);

export const WallboardQuery = graphql(`
  query Wallboard($first: Int!) {
    providers {
      id
      name
      type
      enabled
      components {
        name
        status
        group
      }
      health {
        reachable
        circuit
        lastSuccessAt
        lastError
        consecutiveFailures
      }
    }
    cspEvents(filter: { active: true }, first: $first) {
      nodes {
        ...CspEventFields
      }
    }
  }
`);

export const CspCauseGraphQuery = graphql(`
  query CspCauseGraph($windowHours: Int!) {
    cspCauseGraph(windowHours: $windowHours) {
      nodes {
        id
        events {
          id
          title
          impact
          active
        }
      }
      edges {
        fromId
        toId
        kind
        confidence
        evidence {
          overlapSeconds
          sharedRegions
          sharedComponents
        }
      }
    }
  }
`);

/** Every provider event change; `$after` keeps the wallboard gap-free across reconnects. */
export const CspEventChangedSubscription = graphql(`
  subscription CspEventChanged($after: String) {
    cspEventChanged(after: $after) {
      cursor
      kind
      eventId
      providerId
      active
      cspEvent {
        ...CspEventFields
      }
    }
  }
`);

export const ProviderAdminFieldsFragment = graphql(`
  fragment ProviderAdminFields on Provider {
    id
    name
    feedUrl
    type
    format
    intervalSeconds
    enabled
    dependsOn {
      id
    }
    pollerId
    createdAt
    health {
      lastPollAt
      lastSuccessAt
      lastErrorAt
      lastError
      lastHttpStatus
      lastDurationMs
      consecutiveFailures
      circuit
      circuitRetryAt
      reachable
    }
  }
`);

export const ProvidersAdminQuery = graphql(`
  query ProvidersAdmin {
    providers {
      ...ProviderAdminFields
    }
    cspServiceDependencies {
      service
      providerId
      components
    }
  }
`);

export const RegisterProviderMutation = graphql(`
  mutation RegisterProvider($input: RegisterProviderInput!) {
    registerProvider(input: $input) {
      ...ProviderAdminFields
    }
  }
`);

export const UpdateProviderMutation = graphql(`
  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {
    updateProvider(id: $id, input: $input) {
      ...ProviderAdminFields
    }
  }
`);

export const RefreshProviderMutation = graphql(`
  mutation RefreshProvider($id: ID!) {
    refreshProvider(id: $id) {
      providerId
      httpStatus
      created
      updated
      resolved
      notModified
      durationMs
      error
      circuit
      at
      provider {
        ...ProviderAdminFields
      }
    }
  }
`);

export const SetServiceDependenciesMutation = graphql(`
  mutation SetServiceDependencies($service: String!, $dependencies: [CspDependencyInput!]!) {
    setServiceDependencies(service: $service, dependencies: $dependencies) {
      service
      providerId
      components
    }
  }
`);
