import { existsSync } from 'node:fs';
import type { ServiceSpec } from '@polystatus/registry';
import { mainPath } from './runtime.ts';

export interface LaunchPlan {
  /** Groups started together; every service starts after all its dependencies in earlier waves answer /readyz. */
  waves: ServiceSpec[][];
  /** Entries whose `<dir>/src/main.ts` does not exist yet. */
  skipped: ServiceSpec[];
}

/**
 * Orders the registry into waves. A dependency that is skipped (not written yet) counts as satisfied: a
 * dependent still starts and reports the missing piece itself, which is more useful than refusing to start.
 * Unknown names and cycles are errors in the registry.
 */
export function planLaunch(services: ServiceSpec[], exists: (spec: ServiceSpec) => boolean): LaunchPlan {
  const byName = new Map(services.map((s) => [s.name, s]));
  for (const s of services) {
    for (const d of s.dependsOn) {
      if (!byName.has(d)) throw new Error(`service registry: ${s.name} depends on unknown service ${d}`);
    }
  }
  const skipped = services.filter((s) => !exists(s));
  const done = new Set(skipped.map((s) => s.name));
  let pending = services.filter((s) => exists(s));
  const waves: ServiceSpec[][] = [];
  while (pending.length) {
    const wave = pending.filter((s) => s.dependsOn.every((d) => done.has(d)));
    if (!wave.length)
      throw new Error(`service registry: dependency cycle among ${pending.map((s) => s.name).join(', ')}`);
    waves.push(wave);
    for (const s of wave) done.add(s.name);
    pending = pending.filter((s) => !wave.includes(s));
  }
  return { waves, skipped };
}

export const planFromDisk = (root: string, services: ServiceSpec[]): LaunchPlan =>
  planLaunch(services, (s) => existsSync(mainPath(root, s)));

/**
 * The registry less the services named in `POLYSTATUS_WITHOUT` (comma-separated), e.g. `web` for an API-only
 * install or a test stack that needs no browser app. What depended on a left-out service starts without it,
 * as with a skipped one. An unknown name is an error: a typo must not silently start everything.
 */
export function withoutServices(services: ServiceSpec[], list: string | undefined): ServiceSpec[] {
  const names = new Set(
    (list ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
  );
  const unknown = [...names].filter((n) => !services.some((s) => s.name === n));
  if (unknown.length) {
    throw new Error(
      `POLYSTATUS_WITHOUT names unknown service(s): ${unknown.join(', ')} (known: ${services.map((s) => s.name).join(', ')})`,
    );
  }
  return services
    .filter((s) => !names.has(s.name))
    .map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => !names.has(d)) }));
}
