import { InputCheck, type Principal, requireRole } from '@polystatus/kit';
import type { ServiceDependency } from '../domain/dependencies.ts';
import { PROVIDER_NAME } from '../domain/provider.ts';
import type { CspDeps } from './deps.ts';

export interface DependencyInput {
  providerId?: unknown;
  components?: unknown;
}

/** Requires viewer. */
export function listDependencies(deps: CspDeps, principal: Principal): Promise<ServiceDependency[]> {
  requireRole(principal, 'viewer');
  return deps.dependencies.all();
}

/**
 * Declares what one of our services depends on (replacing what it declared before; an empty list removes it).
 * Events touching these providers or components open incidents naming the service. Requires manager.
 */
export async function setServiceDependencies(
  deps: CspDeps,
  principal: Principal,
  service: unknown,
  input: readonly DependencyInput[],
): Promise<ServiceDependency[]> {
  requireRole(principal, 'manager');
  const check = new InputCheck();
  const name = check.text('service', service, { max: 64, required: true });
  if (input.length > 50) check.add('dependencies', 'must list at most 50 providers');
  const out = input.map((d, i) => {
    const providerId =
      check.text(`dependencies[${i}].providerId`, d.providerId, { max: 63, required: true }) ?? '';
    if (providerId && !PROVIDER_NAME.test(providerId))
      check.add(`dependencies[${i}].providerId`, 'is not a provider name');
    const components = Array.isArray(d.components) ? d.components : d.components == null ? [] : null;
    if (components === null || components.length > 100)
      check.add(`dependencies[${i}].components`, 'must be a list of at most 100 names');
    const names = (components ?? []).map(
      (c, j) => check.text(`dependencies[${i}].components[${j}]`, c, { max: 200, required: true }) ?? '',
    );
    return { providerId, components: [...new Set(names)] };
  });
  check.throwIfAny();
  await deps.dependencies.setForService(name!, out);
  return (await deps.dependencies.all()).filter((d) => d.service === name);
}
