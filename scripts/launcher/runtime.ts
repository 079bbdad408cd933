import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceSpec } from '@polystatus/registry';

/**
 * Kinds that stay in a process of their own even in single mode, because they bring their own server (the web
 * app runs Next.js's). Such an entry runs its `src/main.ts`, compiled like the rest.
 */
const OWN_PROCESS_KINDS = new Set<string>(['web']);

/** `<dir>/src/service-module.ts`: the module the host loads to run a service in-process (kit ServiceModule). */
export const serviceModulePath = (root: string, spec: ServiceSpec): string =>
  join(root, spec.dir, 'src', 'service-module.ts');

/** `<dir>/src/main.ts`: the entry of a service's own process; a registered service without one is skipped. */
export const mainPath = (root: string, spec: ServiceSpec): string => join(root, spec.dir, 'src', 'main.ts');

/**
 * Whether the host can run this service beside others: it exports the service-module contract and its kind does
 * not opt out. A workspace that has only `main.ts` still runs, in its own process (docs/contributing.md).
 */
export const canHost = (root: string, spec: ServiceSpec): boolean =>
  !OWN_PROCESS_KINDS.has(spec.kind) && existsSync(serviceModulePath(root, spec));

/** The compiled entry of a service that runs its own `main.ts` (not hostable), inside dist/. */
export const ownEntryName = (spec: ServiceSpec): string => `main-${spec.name}`;

/** How processes are started: from the TypeScript sources through tsx (`npm run dev`) or from dist/ (`npm start`). */
export interface Runtime {
  kind: 'source' | 'built';
  /** argv (after `node`) of a process hosting these services (the host, scripts/host/main.ts). */
  host(services: ServiceSpec[]): string[];
  /** argv (after `node`) of a process running one service on its own. */
  own(spec: ServiceSpec): string[];
}

/**
 * From source, a service alone runs its own `main.ts` as it always has, so a workspace is debugged exactly as
 * written; several services together run in the host.
 */
export const sourceRuntime = (root: string): Runtime => ({
  kind: 'source',
  host: (services) => [
    '--import',
    'tsx',
    join(root, 'scripts', 'host', 'main.ts'),
    ...services.map((s) => s.name),
  ],
  own: (spec) => ['--import', 'tsx', mainPath(root, spec)],
});

/**
 * From dist/ (scripts/build.ts): every hostable service, alone or together, runs in the compiled host; the others
 * run their compiled `main.ts`. Source maps keep stack traces pointing at the TypeScript.
 */
export const builtRuntime = (root: string): Runtime => ({
  kind: 'built',
  host: (services) => ['--enable-source-maps', join(root, 'dist', 'host.js'), ...services.map((s) => s.name)],
  own: (spec) =>
    canHost(root, spec)
      ? ['--enable-source-maps', join(root, 'dist', 'host.js'), spec.name]
      : ['--enable-source-maps', join(root, 'dist', `${ownEntryName(spec)}.js`)],
});
