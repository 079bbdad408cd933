import { EnvError } from '@polystatus/kit';
import { loadIncidentsEnv } from './config.ts';
import { buildIncidentsService } from './server.ts';

try {
  const env = loadIncidentsEnv();
  const service = await buildIncidentsService(env);
  await service.listen();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(`incidents: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
