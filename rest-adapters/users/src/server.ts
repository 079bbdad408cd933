import { fileURLToPath } from 'node:url';
import { createRestAdapterService } from '@polystatus/rest-kit';
import type { UsersRestEnv } from './config.ts';
import { usersHandlers } from './handlers/index.ts';

/** The project's users contract, the single source of this adapter's routes and validation. */
export const USERS_SWAGGER = fileURLToPath(new URL('../../../swaggers/users.yaml', import.meta.url));

export const buildUsersRestService = (env: UsersRestEnv) =>
  createRestAdapterService({ name: 'rest-users', env, swaggerPath: USERS_SWAGGER, handlers: usersHandlers });
