/**
 * One of our services depending on a provider: on all of it (`components` empty) or on the named components
 * (compared case-insensitively with the provider's component names, "Group - Child" included).
 */
export interface ServiceDependency {
  service: string;
  providerId: string;
  components: string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** Whether an event at `providerId` touching `components` touches this dependency. */
export function touches(dep: ServiceDependency, providerId: string, components: readonly string[]): boolean {
  if (dep.providerId !== providerId) return false;
  if (dep.components.length === 0) return true;
  const affected = new Set(components.map(norm));
  // "Group - Child" names: a dependency on the group matches its children too.
  return dep.components.some((c) => {
    const want = norm(c);
    return affected.has(want) || [...affected].some((a) => a.startsWith(`${want} - `));
  });
}
