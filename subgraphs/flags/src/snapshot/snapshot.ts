import { type CompiledFlag, compileFlag, type EvaluationContext, type Outcome } from '../domain/evaluate.ts';
import type { Flag } from '../domain/flag.ts';

/**
 * The flags this process evaluates, in memory: every evaluation (OFREP, `evaluateFlags`, `User.flags`) reads
 * here and never Redis. It is loaded whole at start and kept current by the follower (follower.ts), which
 * reloads each flag an event names; a write made by this process is applied at once as well. Versions only
 * move forward, so an event arriving after a newer local write, or twice, changes nothing.
 */
export class FlagSnapshot {
  private readonly flags = new Map<string, { version: number; compiled: CompiledFlag }>();
  private ordered: CompiledFlag[] = [];
  private generation = 0;
  private position = '0-0';

  /**
   * Changes whenever what an evaluation can answer changes; with the request it is the bulk ETag. It names the
   * last event applied, so replicas that have caught up give the same ETag for the same answer.
   */
  get revision(): string {
    return `${this.position}.${this.generation}`;
  }

  get size(): number {
    return this.flags.size;
  }

  /** Replaces everything (a full load), remembering the events-stream position the load started from. */
  replaceAll(flags: readonly Flag[], position: string): void {
    this.flags.clear();
    for (const f of flags) this.flags.set(f.id, { version: f.version, compiled: compileFlag(f) });
    this.position = position;
    this.reorder();
  }

  /** Applies a flag read after an event or written by this process; older versions are ignored. */
  apply(flag: Flag): boolean {
    const held = this.flags.get(flag.id);
    if (held && held.version >= flag.version) return false;
    this.flags.set(flag.id, { version: flag.version, compiled: compileFlag(flag) });
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
    this.generation++;
    this.ordered = [...this.flags.values()]
      .map((f) => f.compiled)
      .sort((a, b) => (a.definition.id < b.definition.id ? -1 : a.definition.id > b.definition.id ? 1 : 0));
  }
}
