import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ServiceModule } from '@polystatus/kit';
import type { ServiceSpec } from '@polystatus/registry';
import { serviceModulePath } from '../launcher/runtime.ts';

/**
 * Loads a service's module (`<dir>/src/service-module.ts`) from the sources. The build replaces this file with a
 * table of the modules it compiled (scripts/build/service-modules-plugin.ts), so the same host code imports
 * dist/ chunks there; a process loads only the services it runs.
 */
export async function loadServiceModule(root: string, spec: ServiceSpec): Promise<ServiceModule> {
  const path = serviceModulePath(root, spec);
  if (!existsSync(path)) throw new Error(`${spec.name}: ${spec.dir}/src/service-module.ts does not exist`);
  const mod = (await import(pathToFileURL(path).href)) as { service?: ServiceModule };
  if (!mod.service) throw new Error(`${spec.name}: ${spec.dir}/src/service-module.ts exports no \`service\``);
  return mod.service;
}
