import { defineService } from '@polystatus/kit';
import { loadCspEnv } from './config.ts';
import { buildCspService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('csp', async (env) => buildCspService(loadCspEnv(env)));
