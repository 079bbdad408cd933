import { type Principal, requireRole } from '@polystatus/kit';
import type { Provider } from '../domain/provider.ts';
import { type ProviderInput, validateProviderInput } from '../domain/validation.ts';
import { checkFeedDestination } from './check-destination.ts';
import type { CspDeps } from './deps.ts';

export interface ProviderVerbs {
  allowPrivateNetwork: boolean;
}

/** Registers a provider (its name is its id). Requires manager. */
export async function registerProvider(
  deps: CspDeps,
  principal: Principal,
  input: ProviderInput,
  opts: ProviderVerbs,
): Promise<Provider> {
  requireRole(principal, 'manager');
  const valid = validateProviderInput(input, false);
  await checkFeedDestination(valid.feedUrl!, opts.allowPrivateNetwork);
  const type = valid.type!;
  return deps.providers.create(
    {
      name: valid.name!,
      feedUrl: valid.feedUrl!,
      type,
      intervalSeconds: valid.intervalSeconds ?? deps.defaultIntervalSeconds,
      enabled: valid.enabled ?? true,
      dependsOn: valid.dependsOn ?? [],
      createdAt: deps.clock(),
    },
    type === 'json' || type === 'rss' ? null : type,
  );
}

/** Edits a provider: feed, type, interval, enabled, declared dependencies. Requires manager. */
export async function updateProvider(
  deps: CspDeps,
  principal: Principal,
  id: string,
  input: ProviderInput,
  opts: ProviderVerbs,
): Promise<Provider> {
  requireRole(principal, 'manager');
  const { name: _ignored, ...valid } = validateProviderInput({ ...input, name: undefined }, true);
  if (valid.feedUrl) await checkFeedDestination(valid.feedUrl, opts.allowPrivateNetwork);
  const format =
    valid.type === undefined ? undefined : valid.type === 'json' || valid.type === 'rss' ? null : valid.type;
  return deps.providers.update(id, valid, format);
}
