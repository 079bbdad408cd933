import { runMain } from '@polystatus/kit';
import { loadGatewayEnv } from './config.ts';
import { buildGatewayService } from './server.ts';

await runMain('gateway', () => buildGatewayService(loadGatewayEnv()));
