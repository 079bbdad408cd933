import { defineService } from '@polystatus/kit';
import { loadUsersEnv } from './config.ts';
import { buildUsersService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('users', async (env) => buildUsersService(loadUsersEnv(env)));
