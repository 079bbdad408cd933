/**
 * The one contract between a service's workspace and whatever runs it. Each workspace's `src/service-module.ts`
 * exports `service = defineService(name, build)`; its `src/main.ts` is `await runMain(service)`. The same module
 * runs alone in its own process (split mode, containers) or beside every other service in one process (single
 * mode, `npm start`), so `build` must read its whole configuration from the `env` it is given, never from
 * `process.env`, and must not touch process-wide state (signals, exit): the host that runs it owns those.
 */
export interface RunningService {
  /** Starts accepting requests; resolves with the base URL it listens on (`http://127.0.0.1:4001`). */
  listen(): Promise<string>;
  /** Stops accepting, drains in-flight work, closes connections. Safe to call more than once. */
  close(): Promise<void>;
}

export interface ServiceModule {
  /** The service's name in the registry (packages/registry); the host checks that they match. */
  readonly name: string;
  /** Reads and checks the configuration in `env` (an EnvError lists every problem) and builds the service. */
  build(env: NodeJS.ProcessEnv): Promise<RunningService>;
}

export const defineService = (name: string, build: ServiceModule['build']): ServiceModule => ({
  name,
  build,
});
