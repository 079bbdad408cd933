import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv, port } from './env.ts';

describe('loadEnv', () => {
  it('applies defaults', () => {
    const env = loadEnv({ PORT: port(4002) }, {});
    expect(env.PORT).toBe(4002);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.REDIS_KEY_PREFIX).toBe('ps');
  });

  it('reports every problem at once', () => {
    try {
      loadEnv({ PORT: port(4002) }, { PORT: 'x', REDIS_URL: 'not a url', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const fields = (e as EnvError).problems.map((p) => p.split(':')[0]).sort();
      expect(fields).toEqual(['LOG_LEVEL', 'PORT', 'REDIS_URL']);
    }
  });

  it('refuses the development internal secret in production', () => {
    expect(() => loadEnv({}, { NODE_ENV: 'production' })).toThrow(/POLYSTATUS_INTERNAL_SECRET/);
    expect(loadEnv({}, { NODE_ENV: 'production', POLYSTATUS_INTERNAL_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe(
      'production',
    );
  });
});
