import { defineService } from '@polystatus/kit';
import { loadFlagsEnv } from './config.ts';
import { buildFlagsService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('flags', async (env) => buildFlagsService(loadFlagsEnv(env)));
