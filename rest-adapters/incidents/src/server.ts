import { fileURLToPath } from 'node:url';
import { createRestAdapterService } from '@polystatus/rest-kit';
import type { IncidentsRestEnv } from './config.ts';
import { incidentsHandlers } from './handlers/index.ts';

/** The project's incidents contract, the single source of this adapter's routes and validation. */
export const INCIDENTS_SWAGGER = fileURLToPath(new URL('../../../swaggers/incidents.yaml', import.meta.url));

export const buildIncidentsRestService = (env: IncidentsRestEnv) =>
  createRestAdapterService({
    name: 'rest-incidents',
    env,
    swaggerPath: INCIDENTS_SWAGGER,
    handlers: incidentsHandlers,
  });
