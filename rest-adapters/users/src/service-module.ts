import { defineService } from '@polystatus/kit';
import { loadUsersRestEnv } from './config.ts';
import { buildUsersRestService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds this service from its environment. */
export const service = defineService('rest-users', async (env) =>
  buildUsersRestService(loadUsersRestEnv(env)),
);
