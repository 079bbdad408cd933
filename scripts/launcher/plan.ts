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
