import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';

/**
 * The peer the gateway is measured against (bench/core-speed.ts): Hive Gateway with its defaults, serving the
 * same supergraph in front of the same subgraphs, in its own process as ours runs in its own. It does not
 * authenticate: the client sends an identity our gateway would have signed (`x-ps-identity`, pre-signed by the
 * benchmark) and Hive passes it on to the subgraphs, which verify it as they verify ours. That spares Hive the
 * authentication our gateway does per request, which favours the peer.
 *
 * Environment: HIVE_SUPERGRAPH (a file, with the subgraph URLs of the running stack), HIVE_PORT, HIVE_DEDUP
 * (`off` turns its in-flight deduplication of subgraph requests off; on by default, as Hive ships).
 */
const supergraph = readFileSync(process.env.HIVE_SUPERGRAPH!, 'utf8');
const dedup = process.env.HIVE_DEDUP !== 'off';

const gateway = createGatewayRuntime({
  supergraph,
  logging: false,
  graphiql: false,
  landingPage: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ 'x-ps-identity': request.headers.get('x-ps-identity') }),
  },
  ...(dedup ? {} : { transportEntries: { '*': { options: { deduplicateInflightRequests: false } } } }),
});

const server = createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.HIVE_PORT), '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
