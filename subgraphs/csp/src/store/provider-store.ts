import { conflict, notFound } from '@polystatus/kit';
import type { Redis } from 'ioredis';
import { type FeedHealth, NEW_HEALTH, type Provider, type RequestedType } from '../domain/provider.ts';
import type { ComponentState, FeedFormat } from '../formats/types.ts';
import type { CspKeys } from '../keys.ts';
import { scripts } from './scripts.ts';

/** What the last read of a feed left behind, so the next one can be conditional and skip an identical body. */
export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
}

export interface ProviderState {
  provider: Provider;
  validators: FeedValidators;
  /** Bumped by every refresh that wrote; a refresh computed from an older rev is refused and recomputed. */
  rev: number;
}

type Editable = Pick<Provider, 'name' | 'feedUrl' | 'type' | 'intervalSeconds' | 'enabled' | 'dependsOn'>;

const json = (v: unknown) => JSON.stringify(v);

function toFields(
  p: Partial<Editable & { format: FeedFormat | null; createdAt: number }>,
): Record<string, string> {
  const f: Record<string, string> = {};
  if (p.name !== undefined) f.name = p.name;
  if (p.feedUrl !== undefined) f.feedUrl = p.feedUrl;
  if (p.type !== undefined) f.type = p.type;
  if (p.format !== undefined) f.format = p.format ?? '';
  if (p.intervalSeconds !== undefined) f.intervalSeconds = String(p.intervalSeconds);
  if (p.enabled !== undefined) f.enabled = p.enabled ? '1' : '0';
  if (p.dependsOn !== undefined) f.dependsOn = json(p.dependsOn);
  if (p.createdAt !== undefined) f.createdAt = String(p.createdAt);
  return f;
}

function fromHash(id: string, h: Record<string, string>): ProviderState | null {
  if (!h.name) return null;
  return {
    provider: {
      id,
      name: h.name,
      feedUrl: h.feedUrl ?? '',
      type: (h.type ?? 'json') as RequestedType,
      format: (h.format || null) as FeedFormat | null,
      intervalSeconds: Number(h.intervalSeconds ?? 0),
      enabled: h.enabled === '1',
      dependsOn: h.dependsOn ? (JSON.parse(h.dependsOn) as string[]) : [],
      createdAt: Number(h.createdAt ?? 0),
      health: h.health ? { ...NEW_HEALTH, ...(JSON.parse(h.health) as FeedHealth) } : NEW_HEALTH,
      components: h.components ? (JSON.parse(h.components) as ComponentState[]) : [],
    },
    validators: { etag: h.etag || null, lastModified: h.lastModified || null, bodyHash: h.bodyHash || null },
    rev: Number(h.rev ?? 0),
  };
}

/** The only code that reads and writes providers' keys (refresh writes go through EventStore.applyRefresh). */
export class ProviderStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CspKeys,
  ) {
    scripts.install(redis);
  }

  async create(p: Editable & { createdAt: number }, format: FeedFormat | null): Promise<Provider> {
    const fields = { ...toFields({ ...p, format }), health: json(NEW_HEALTH), components: '[]', rev: '0' };
    const outcome = await scripts.run(
      this.redis,
      'putProvider',
      [this.keys.provider(p.name), this.keys.providers],
      ['create', p.name, p.createdAt, json(fields)],
    );
    if (outcome === 'exists')
      throw conflict(`a provider named ${p.name} is already registered`, [
        { field: 'name', issue: 'is already registered' },
      ]);
    return (await this.get(p.name))!.provider;
  }

  async update(id: string, changes: Partial<Editable>, format?: FeedFormat | null): Promise<Provider> {
    const fields = toFields({ ...changes, ...(format !== undefined ? { format } : {}) });
    // A new URL or type is a new feed: the old validators would make the first poll a false "not modified".
    if (changes.feedUrl !== undefined || changes.type !== undefined)
      Object.assign(fields, { etag: '', lastModified: '', bodyHash: '' });
    const outcome = await scripts.run(
      this.redis,
      'putProvider',
      [this.keys.provider(id), this.keys.providers],
      ['update', id, 0, json(fields)],
    );
    if (outcome === 'missing') throw notFound('provider', id);
    return (await this.get(id))!.provider;
  }

  async get(id: string): Promise<ProviderState | null> {
    return fromHash(id, await this.redis.hgetall(this.keys.provider(id)));
  }

  async getMany(ids: readonly string[]): Promise<(ProviderState | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.keys.provider(id));
    const replies = (await pipe.exec()) ?? [];
    return ids.map((id, i) => {
      const [err, h] = replies[i] ?? [null, {}];
      if (err) throw err;
      return fromHash(id, h as Record<string, string>);
    });
  }

  async ids(): Promise<string[]> {
    return this.redis.zrange(this.keys.providers, '0', '-1');
  }

  async all(): Promise<ProviderState[]> {
    return (await this.getMany(await this.ids())).filter((p): p is ProviderState => p !== null);
  }

  /** Marks the catalog as written; true only for the one caller that wrote the mark (the first start). */
  async claimCatalog(at: number): Promise<boolean> {
    return (await this.redis.set(this.keys.catalog, String(at), 'NX')) === 'OK';
  }
}
