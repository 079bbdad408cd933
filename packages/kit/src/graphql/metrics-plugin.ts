import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Metrics } from '../metrics.ts';

/** Label value for operations past the budget, and for operations that fail before they are parsed. */
export const OTHER_OPERATION = '_other';
const DEFAULT_DISTINCT_OPERATIONS = 200;
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/**
 * Operation names are chosen by clients. Used as label values as they come, a client inventing a new name per
 * request grows /metrics and the process's memory without bound. The first `max` distinct names keep their own
 * series (the operations real clients send are few and stable); later ones are counted under `_other`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();
  constructor(private readonly max = DEFAULT_DISTINCT_OPERATIONS) {}

  label(name: string | null | undefined): string {
    if (!name || !SAFE_NAME.test(name)) return OTHER_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

/** Counts and times every GraphQL operation by name, type and outcome (shared by subgraphs and the gateway). */
export function graphqlMetricsPlugin<C extends BaseContext>(
  metrics: Metrics,
  labels = new OperationLabels(),
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const operation = labels.label(rc.operationName ?? rc.operation?.name?.value);
          const type = rc.operation?.operation ?? 'unknown';
          const outcome = rc.errors?.length ? 'error' : 'ok';
          const values = { operation, type, outcome };
          metrics.graphqlOperations.inc(values);
          metrics.graphqlDuration.observe(values, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
