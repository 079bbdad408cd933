import { EnvError } from '@polystatus/kit';
import { loadUsersEnv } from './config.ts';
import { buildUsersService } from './server.ts';

try {
  const env = loadUsersEnv();
  const service = await buildUsersService(env);
  await service.listen();
} catch (err) {
  if (err instanceof EnvError) {
    process.stderr.write(`users: ${err.message}\n`);
  } else {
    process.stderr.write(
      `users: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exit(1);
}
