import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Metrics } from '../metrics.ts';

/** Counts and times every GraphQL operation by name, type and outcome (shared by subgraphs and the gateway). */
export function graphqlMetricsPlugin<C extends BaseContext>(metrics: Metrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const operation = rc.operationName ?? rc.operation?.name?.value ?? 'anonymous';
          const type = rc.operation?.operation ?? 'unknown';
          const outcome = rc.errors?.length ? 'error' : 'ok';
          const labels = { operation, type, outcome };
          metrics.graphqlOperations.inc(labels);
          metrics.graphqlDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
