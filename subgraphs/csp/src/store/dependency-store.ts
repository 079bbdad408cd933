import type { Redis } from 'ioredis';
import type { ServiceDependency } from '../domain/dependencies.ts';
import type { CspKeys } from '../keys.ts';

/** Which of our services depend on which providers (and which of their components). */
export class DependencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CspKeys,
  ) {}

  async all(): Promise<ServiceDependency[]> {
    const h = await this.redis.hgetall(this.keys.dependencies);
    return Object.entries(h)
      .flatMap(([service, raw]) =>
        (JSON.parse(raw) as Omit<ServiceDependency, 'service'>[]).map((d) => ({ service, ...d })),
      )
      .sort((a, b) => a.service.localeCompare(b.service) || a.providerId.localeCompare(b.providerId));
  }

  /** Replaces what one service depends on (an empty list removes the service). */
  async setForService(service: string, deps: Omit<ServiceDependency, 'service'>[]): Promise<void> {
    if (deps.length === 0) await this.redis.hdel(this.keys.dependencies, service);
    else await this.redis.hset(this.keys.dependencies, service, JSON.stringify(deps));
  }
}
