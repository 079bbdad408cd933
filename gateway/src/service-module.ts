import { defineService } from '@polystatus/kit';
import { loadGatewayEnv } from './config.ts';
import { loadRealtimeConfig } from './realtime/config.ts';
import { buildGatewayService } from './server.ts';

/** How the host (main.ts alone, or every service in one process) builds the gateway from its environment. */
export const service = defineService('gateway', async (env) =>
  buildGatewayService(loadGatewayEnv(env), { realtime: loadRealtimeConfig(env) }),
);
