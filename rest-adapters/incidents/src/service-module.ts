import { defineService } from '@polystatus/kit';
import { loadIncidentsRestEnv } from './config.ts';
import { buildIncidentsRestService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('rest-incidents', async (env) =>
  buildIncidentsRestService(loadIncidentsRestEnv(env)),
);
