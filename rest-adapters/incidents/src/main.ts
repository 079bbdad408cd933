import { EnvError } from '@polystatus/kit';
import { loadIncidentsRestEnv } from './config.ts';
import { buildIncidentsRestService } from './server.ts';

try {
  const service = await buildIncidentsRestService(loadIncidentsRestEnv());
  await service.listen();
} catch (err) {
  // An operator reads this once and fixes the deployment; a stack trace would bury the list of problems.
  console.error(err instanceof EnvError ? err.message : err);
  process.exit(1);
}
