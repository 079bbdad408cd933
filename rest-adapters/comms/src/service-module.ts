import { defineService } from '@polystatus/kit';
import { loadCommsRestEnv } from './config.ts';
import { buildCommsRestService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('rest-comms', async (env) =>
  buildCommsRestService(loadCommsRestEnv(env)),
);
