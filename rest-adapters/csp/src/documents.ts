import { defineOperation } from '@polystatus/kit';
import type * as Op from './generated/operations.ts';

/**
 * Every GraphQL operation the adapter sends, parsed once at start-up, each asking for exactly the fields the REST
 * mappers read. Result and variable types come from `npm run codegen` (generated/operations.ts).
 */
const PROVIDER_FIELDS = /* GraphQL */ `
  fragment CspProviderFields on Provider {
    id
    feedUrl
    type
    format
    intervalSeconds
    enabled
    dependsOn {
      id
    }
    createdAt
  }
`;

const EVENT_FIELDS = /* GraphQL */ `
  fragment CspEventFields on CspEvent {
    id
    providerId
    title
    status
    impact
    components
    startedAt
    updatedAt
    resolvedAt
    url
    incidentId
  }
`;

export const REGISTER_PROVIDER = defineOperation<
  Op.RegisterProviderMutation,
  Op.RegisterProviderMutationVariables
>(/* GraphQL */ `
  mutation RegisterProvider($input: RegisterProviderInput!) {
    registerProvider(input: $input) {
      ...CspProviderFields
    }
  }
  ${PROVIDER_FIELDS}
`);

export const REFRESH_PROVIDER = defineOperation<
  Op.RefreshProviderMutation,
  Op.RefreshProviderMutationVariables
>(/* GraphQL */ `
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
      format
      circuit
    }
  }
`);

export const LIST_CSP_EVENTS = defineOperation<Op.ListCspEventsQuery, Op.ListCspEventsQueryVariables>(
  /* GraphQL */ `
    query ListCspEvents($filter: CspEventFilter, $first: Int, $after: String) {
      cspEvents(filter: $filter, first: $first, after: $after) {
        nodes {
          ...CspEventFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    ${EVENT_FIELDS}
  `,
);

export const CREATE_CSP_INCIDENT = defineOperation<
  Op.CreateCspIncidentMutation,
  Op.CreateCspIncidentMutationVariables
>(/* GraphQL */ `
  mutation CreateCspIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      id
      title
      sev
      status
      source
      startedAt
      services
      summary
    }
  }
`);
