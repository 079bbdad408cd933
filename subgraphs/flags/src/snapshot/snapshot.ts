import { createHash } from 'node:crypto';
import { type CompiledFlag, compileFlag, type EvaluationContext, type Outcome } from '../domain/evaluate.ts';
import type { Flag } from '../domain/flag.ts';

/**
 * The flags this process evaluates, in memory: every evaluation (OFREP, `evaluateFlags`, `User.flags`) reads
 * here and never Redis. It is loaded whole at start and kept current by the follower (follower.ts), which
 * reloads each flag an event names; a write made by this process is applied at once as well. Versions only
 * move forward, so an event arriving after a newer local write, or twice, changes nothing.
 */
export class FlagSnapshot {
  private readonly flags = new Map<string, { version: number; written: string; compiled: CompiledFlag }>();
  private ordered: CompiledFlag[] = [];
  private position = '0-0';
  private contentRevision = '';

  constructor() {
    this.reorder();
  }

  /**
   * Changes whenever what an evaluation can answer changes; with the request it is the bulk ETag. It is derived
   * from the flags held (each flag's key, version and write time), not from a counter or the stream position:
   * two replicas holding the same flags give the same ETag, and two holding different ones never do, even when
   * each has applied a write of its own that the other has not read yet (a load balancer may send one client's
   * polls to both).
   */
  get revision(): string {
    return this.contentRevision;
  }

  get size(): number {
    return this.flags.size;
  }

  /** Replaces everything (a full load), remembering the events-stream position the load started from. */
  replaceAll(flags: readonly Flag[], position: string): void {
    this.flags.clear();
    for (const f of flags) this.flags.set(f.id, entryFor(f));
    this.position = position;
    this.reorder();
  }

  /** Applies a flag read after an event or written by this process; older versions are ignored. */
  apply(flag: Flag): boolean {
    const held = this.flags.get(flag.id);
    if (held && held.version >= flag.version) return false;
    this.flags.set(flag.id, entryFor(flag));
    this.reorder();
    return true;
  }

  /** The events stream position the snapshot reflects; the follower moves it as it applies entries. */
  advanceTo(position: string): void {
    this.position = position;
  }

  get streamPosition(): string {
    return this.position;
  }

  has(key: string): boolean {
    return this.flags.has(key);
  }

  evaluate(key: string, context: EvaluationContext): Outcome | null {
    return this.flags.get(key)?.compiled.evaluate(context) ?? null;
  }

  /** Every flag for one context, in key order (stable output, stable ETags). */
  evaluateAll(context: EvaluationContext): Outcome[] {
    const out = new Array<Outcome>(this.ordered.length);
    for (let i = 0; i < this.ordered.length; i++) out[i] = this.ordered[i]!.evaluate(context);
    return out;
  }

  private reorder(): void {
    const entries = [...this.flags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.ordered = entries.map(([, f]) => f.compiled);
    const hash = createHash('sha256');
    for (const [, f] of entries) hash.update(f.written);
    this.contentRevision = hash.digest('base64url').slice(0, 16);
  }
}

/**
 * A version number alone could repeat (the same key recreated after its Redis data was lost), so a write is
 * identified by the flag's key, version and write time.
 */
const entryFor = (flag: Flag) => ({
  version: flag.version,
  written: `${flag.id}\u0000${flag.version}\u0000${flag.updatedAt}\u0000`,
  compiled: compileFlag(flag),
});
