'use client';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { useMemo } from 'react';
import { useAppClient } from '../components/providers.tsx';

const EXAMPLE = `# Open incidents, with their commander (resolved by the users subgraph).
query OpenIncidents {
  incidents(filter: { status: OPEN }, first: 10) {
    nodes {
      id
      title
      sev
      commander {
        name
      }
    }
  }
}

# Live changes: run this, then change an incident in another tab.
# subscription Changes {
#   incidentChanged {
#     kind
#     incident { id status }
#   }
# }
`;

/**
 * GraphiQL against the gateway, signed in as the current user: HTTP requests carry the session's token and
 * subscriptions go over the app's own graphql-ws client (the same socket logic as the live pages). The gateway
 * answers introspection only to signed-in callers, which the docs pane needs.
 */
export default function Playground() {
  const client = useAppClient();
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: client.urlOf(),
        wsClient: client.ws,
        fetch: client.fetch,
      }),
    [client],
  );
  return (
    <div className="playground" data-testid="playground">
      <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE} shouldPersistHeaders={false} />
    </div>
  );
}
