import { EnvError } from '@polystatus/kit';
import { loadUsersRestEnv } from './config.ts';
import { buildUsersRestService } from './server.ts';

try {
  const service = await buildUsersRestService(loadUsersRestEnv());
  await service.listen();
} catch (err) {
  // An operator reads this once and fixes the deployment; a stack trace would bury the list of problems.
  console.error(err instanceof EnvError ? err.message : err);
  process.exit(1);
}
