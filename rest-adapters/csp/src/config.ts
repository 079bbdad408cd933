import { loadEnv } from '@polystatus/kit';
import { restAdapterEnvWithPort } from '@polystatus/rest-kit';

/** PORT (default 8083) and GATEWAY_URL (default http://127.0.0.1:4000/graphql), plus the kit's base variables. */
export const loadCspRestEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnv(restAdapterEnvWithPort(8083), source);

export type CspRestEnv = ReturnType<typeof loadCspRestEnv>;
