import { DomainError, type Logger } from '@polystatus/kit';
import { catalogFor } from '../domain/catalog.ts';
import type { CspDeps } from './deps.ts';

/**
 * Writes the built-in catalog on the first start only (one replica wins the mark), enabled, so a new install
 * watches the big providers at once; later starts leave the operators' edits alone. A name an operator already
 * registered is kept as it is.
 */
export async function seedCatalog(
  deps: CspDeps,
  setting: string,
  intervalSeconds: number | undefined,
  log: Logger,
): Promise<number> {
  const entries = catalogFor(setting).map((e) => (intervalSeconds ? { ...e, intervalSeconds } : e));
  if (entries.length === 0 || !(await deps.providers.claimCatalog(deps.clock()))) return 0;
  let added = 0;
  for (const e of entries) {
    try {
      await deps.providers.create(
        { ...e, enabled: true, createdAt: deps.clock() },
        e.type === 'json' || e.type === 'rss' ? null : e.type,
      );
      added++;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'CONFLICT')) throw err;
    }
  }
  log.info({ added }, 'csp catalog written');
  return added;
}
