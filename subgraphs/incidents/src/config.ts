import { EVENT_STREAM_MAXLEN, loadEnv, port } from '@polystatus/kit';
import { z } from 'zod';

const shape = {
  PORT: port(4002),
  /** Approximate cap of `<prefix>:incidents:events`; consumers further behind than this miss events. */
  INCIDENTS_EVENT_STREAM_MAXLEN: z.coerce.number().int().positive().default(EVENT_STREAM_MAXLEN),
  /**
   * Most index entries one list query may examine before it returns a partial page (with `hasNextPage` and a
   * cursor to carry on). It bounds how long one Lua script can hold Redis, whatever the filter.
   */
  INCIDENTS_LIST_SCAN_BUDGET: z.coerce.number().int().min(100).default(50_000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(64).default(12),
};

export type IncidentsEnv = ReturnType<typeof loadIncidentsEnv>;

export const loadIncidentsEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(shape, source);
