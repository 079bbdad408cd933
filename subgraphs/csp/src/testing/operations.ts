/** GraphQL the csp tests send to the subgraph (and, in e2e, to the gateway). */

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterProviderInput!) {
    registerProvider(input: $input) { id name feedUrl type format intervalSeconds enabled }
  }
`;

export const REFRESH = /* GraphQL */ `
  mutation Refresh($id: ID!) {
    refreshProvider(id: $id) {
      providerId httpStatus created updated resolved notModified durationMs error format circuit
    }
  }
`;

export const PROVIDER = /* GraphQL */ `
  query Provider($id: ID!) {
    provider(id: $id) {
      id format pollerId
      components { name status group }
      health { lastPollAt lastSuccessAt lastErrorAt lastError lastHttpStatus consecutiveFailures circuit circuitRetryAt reachable }
    }
  }
`;

export const EVENTS = /* GraphQL */ `
  query Events($filter: CspEventFilter, $first: Int, $after: String) {
    cspEvents(filter: $filter, first: $first, after: $after) {
      nodes {
        id providerId upstreamId kind title status impact components regions startedAt updatedAt resolvedAt active url
        incidentId
        updates { at status body }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
