import { loadEnv } from '@polystatus/kit';
import { restAdapterEnvWithPort } from '@polystatus/rest-kit';

/** PORT (default 8070) and GATEWAY_URL (default http://127.0.0.1:4000/graphql), plus the kit's base variables. */
export const loadFlagsRestEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnv(restAdapterEnvWithPort(8070), source);

export type FlagsRestEnv = ReturnType<typeof loadFlagsRestEnv>;
