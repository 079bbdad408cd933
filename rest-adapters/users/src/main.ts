import { runMain } from '@polystatus/kit';
import { loadUsersRestEnv } from './config.ts';
import { buildUsersRestService } from './server.ts';

await runMain('rest-users', () => buildUsersRestService(loadUsersRestEnv()));
