import { fileURLToPath } from 'node:url';
import { createRestAdapterService } from '@polystatus/rest-kit';
import type { FlagsRestEnv } from './config.ts';
import { flagsHandlers } from './handlers/index.ts';

/** The project's flags contract, the single source of this adapter's routes and validation. */
export const FLAGS_SWAGGER = fileURLToPath(new URL('../../../swaggers/flags.yaml', import.meta.url));

export const buildFlagsRestService = (env: FlagsRestEnv) =>
  createRestAdapterService({ name: 'rest-flags', env, swaggerPath: FLAGS_SWAGGER, handlers: flagsHandlers });
