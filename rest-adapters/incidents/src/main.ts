import { runMain } from '@polystatus/kit';
import { loadIncidentsRestEnv } from './config.ts';
import { buildIncidentsRestService } from './server.ts';

await runMain('rest-incidents', () => buildIncidentsRestService(loadIncidentsRestEnv()));
