import { z } from 'zod';

/**
 * Environment is read once, at start, and validated as a whole: every problem is reported in one go so an
 * operator fixes the deployment in one pass instead of one restart per missing variable.
 */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Lets a development checkout start with no configuration; refused in production. */
const DEV_INTERNAL_SECRET = 'dev-only-internal-secret-change-me-0123456789';

/** Variables every service understands. */
export const baseEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Every Redis key starts with this; tests give each run its own. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_:-]+$/, 'letters, digits, _ - : only')
    .default('ps'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  /**
   * Loopback by default: a development stack must not be reachable from the network (its internal secret is a
   * known default). Containers and real deployments set 0.0.0.0 (docker-compose.yml does).
   */
  HOST: z.string().default('127.0.0.1'),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024),
  /**
   * Shared by the gateway and the subgraphs to sign the verified identity the gateway forwards. Subgraphs trust
   * an identity only when its signature checks out, so a client can never forge one by sending the header itself.
   */
  POLYSTATUS_INTERNAL_SECRET: z.string().min(32).default(DEV_INTERNAL_SECRET),
};

export type Shape = z.ZodRawShape;

export function loadEnv<S extends Shape>(
  shape: S,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<typeof baseEnv & S>> {
  const schema = z.object({ ...baseEnv, ...shape });
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const env = parsed.data as z.infer<z.ZodObject<typeof baseEnv & S>>;
  const base = env as unknown as BaseEnv;
  if (base.NODE_ENV === 'production' && base.POLYSTATUS_INTERNAL_SECRET === DEV_INTERNAL_SECRET) {
    throw new EnvError(['POLYSTATUS_INTERNAL_SECRET: must be set to a private value in production']);
  }
  return env;
}

export type BaseEnv = z.infer<z.ZodObject<typeof baseEnv>>;
