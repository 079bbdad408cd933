import { defineService } from '@polystatus/kit';
import { loadCommsEnv } from './config.ts';
import { buildCommsService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('comms', async (env) => buildCommsService(loadCommsEnv(env)));
