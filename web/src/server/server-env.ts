import { readRuntimeConfig } from './runtime-config.ts';

/** The web server process's own settings (the app's are in runtime-config.ts, read per request). */
export interface ServerEnv {
  port: number;
  host: string;
}

/** Every problem at once, like the other services' loadEnv. */
export function loadServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const problems: string[] = [];
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT: not a port: ${env.PORT}`);
  try {
    readRuntimeConfig(env);
  } catch (err) {
    problems.push((err as Error).message);
  }
  if (problems.length) throw new Error(`invalid environment:\n  ${problems.join('\n  ')}`);
  return { port, host: env.HOST || '127.0.0.1' };
}
