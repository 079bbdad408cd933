/**
 * Values by key, least recently used first out, bounded by a total size the caller measures (for kept answers:
 * the characters or bytes of key and body). A value larger than `maxEntrySize` is not kept at all, so one huge
 * answer cannot flush everything else.
 */
export class SizedLru<V> {
  private readonly entries = new Map<string, V>();
  private used = 0;

  constructor(
    private readonly maxSize: number,
    private readonly maxEntrySize: number,
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(key, value);
    this.delete(key);
    if (size > this.maxEntrySize) return;
    this.entries.set(key, value);
    this.used += size;
    for (const [oldest, kept] of this.entries) {
      if (this.used <= this.maxSize) break;
      this.entries.delete(oldest);
      this.used -= this.sizeOf(oldest, kept);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.used -= this.sizeOf(key, value);
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The sum of `sizeOf` over what is kept. */
  get usedSize(): number {
    return this.used;
  }
}
