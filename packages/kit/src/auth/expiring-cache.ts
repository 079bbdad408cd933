/**
 * Remembers values until their own expiry, bounded in size (oldest entry evicted first). For results that are a
 * pure function of their key until they expire, such as a token whose signature checked out: the token string
 * cannot change, and its key stays published at least until it expires, so a cached answer cannot go stale.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly expiresAtMs: (value: V) => number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, nowMs = Date.now()): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    if (this.expiresAtMs(value) <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches (e.g. all the credentials of a user whose access changed). */
  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, value] of this.entries) if (matches(value)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
