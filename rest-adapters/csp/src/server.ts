import { fileURLToPath } from 'node:url';
import { createRestAdapterService } from '@polystatus/rest-kit';
import type { CspRestEnv } from './config.ts';
import { cspHandlers } from './handlers/index.ts';

/** The project's csp contract, the single source of this adapter's routes and validation. */
export const CSP_SWAGGER = fileURLToPath(new URL('../../../swaggers/csp.yaml', import.meta.url));

export const buildCspRestService = (env: CspRestEnv) =>
  createRestAdapterService({ name: 'rest-csp', env, swaggerPath: CSP_SWAGGER, handlers: cspHandlers });
