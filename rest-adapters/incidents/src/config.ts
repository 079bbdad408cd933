import { loadEnv } from '@polystatus/kit';
import { restAdapterEnvWithPort } from '@polystatus/rest-kit';

/** PORT (default 8081) and GATEWAY_URL (default http://127.0.0.1:4000/graphql), plus the kit's base variables. */
export const loadIncidentsRestEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnv(restAdapterEnvWithPort(8081), source);

export type IncidentsRestEnv = ReturnType<typeof loadIncidentsRestEnv>;
