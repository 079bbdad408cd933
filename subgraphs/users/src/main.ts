import { runMain } from '@polystatus/kit';
import { loadUsersEnv } from './config.ts';
import { buildUsersService } from './server.ts';

await runMain('users', () => buildUsersService(loadUsersEnv()));
