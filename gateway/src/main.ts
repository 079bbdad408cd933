import { EnvError } from '@polystatus/kit';
import { loadGatewayEnv } from './config.ts';
import { buildGatewayService } from './server.ts';

let env: ReturnType<typeof loadGatewayEnv>;
try {
  env = loadGatewayEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(`gateway: ${(err as Error).message}`);
  process.exit(1);
}
const gateway = await buildGatewayService(env);
await gateway.listen();
