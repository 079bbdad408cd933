import { EnvError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { loadUsersEnv } from './config.ts';

const SECRET = 'x'.repeat(40);

describe('users config', () => {
  it('defaults to port 4001 and a 10 minute access token', () => {
    const env = loadUsersEnv({});
    expect(env.PORT).toBe(4001);
    expect(env.ACCESS_TOKEN_TTL_SECONDS).toBe(600);
  });

  it('refuses production without a key-encryption key', () => {
    expect(() => loadUsersEnv({ NODE_ENV: 'production', POLYSTATUS_INTERNAL_SECRET: SECRET })).toThrow(
      EnvError,
    );
    expect(
      loadUsersEnv({
        NODE_ENV: 'production',
        POLYSTATUS_INTERNAL_SECRET: SECRET,
        POLYSTATUS_KEY_ENCRYPTION_KEY: SECRET,
      }).NODE_ENV,
    ).toBe('production');
  });
});
