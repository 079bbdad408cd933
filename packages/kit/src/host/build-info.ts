/**
 * Set by the build (scripts/build/bundle.ts, esbuild `define`) to the time the bundle was made; absent when the
 * sources run through tsx. Lets a process know whether it is running the compiled output.
 */
declare const __POLYSTATUS_BUILD__: string | undefined;

export const buildTime: string | undefined =
  typeof __POLYSTATUS_BUILD__ === 'string' ? __POLYSTATUS_BUILD__ : undefined;

/**
 * Production runs the compiled JavaScript (`npm run build`, the image does it): the TypeScript loader transpiles
 * every file at start-up and roughly doubles a process's memory (docs/decisions/0011-compiled-runtime-and-modes.md). Running
 * the sources with NODE_ENV=production is a mistake worth refusing loudly rather than paying for silently.
 */
export function sourcesInProductionProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_ENV !== 'production' || buildTime !== undefined) return undefined;
  return 'NODE_ENV=production runs the compiled output only: run `npm run build`, then `node dist/host.js <service>` (or `npm start`); `npm run dev` runs the sources';
}
