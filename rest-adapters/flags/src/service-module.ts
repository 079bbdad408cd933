import { defineService } from '@polystatus/kit';
import { loadFlagsRestEnv } from './config.ts';
import { buildFlagsRestService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('rest-flags', async (env) =>
  buildFlagsRestService(loadFlagsRestEnv(env)),
);
