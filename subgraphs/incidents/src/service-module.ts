import { defineService } from '@polystatus/kit';
import { loadIncidentsEnv } from './config.ts';
import { buildIncidentsService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('incidents', async (env) =>
  buildIncidentsService(loadIncidentsEnv(env)),
);
