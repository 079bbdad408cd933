import { defineService } from '@polystatus/kit';
import { loadCspRestEnv } from './config.ts';
import { buildCspRestService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('rest-csp', async (env) => buildCspRestService(loadCspRestEnv(env)));
