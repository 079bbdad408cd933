import { runMain } from '@polystatus/kit';
import { loadIncidentsEnv } from './config.ts';
import { buildIncidentsService } from './server.ts';

await runMain('incidents', () => buildIncidentsService(loadIncidentsEnv()));
