/**
 * A read whose answer must be no older than the caller's own arrival: one sent at or after the moment the caller
 * arrived reflects every write committed before it, so it may be shared, whether still on its way or already
 * answered; one sent earlier may predate a write the caller must see, so it never is. A caller that finds no such
 * read waits for the one on its way (if any), then joins the next one with everybody else who came meanwhile:
 * under load one read per round trip serves every request, and none is answered from the past.
 *
 * `arrivedAt` is `performance.now()` when the caller's request arrived (default: the call itself).
 */
export class FreshRead<T> {
  /** A read not yet sent, which every caller arriving now can share. */
  private pending: Promise<T> | undefined;
  /** The read sent last, with when it was sent (it may still be on its way). */
  private last: { sentAt: number; value: Promise<T> } | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  get(arrivedAt: number = performance.now()): Promise<T> {
    if (this.last && this.last.sentAt >= arrivedAt) return this.last.value;
    this.pending ??= (async () => {
      await this.last?.value.catch(() => {});
      this.pending = undefined;
      // Taken before the read leaves: it then reflects every write committed before this instant.
      const sentAt = performance.now();
      const value = this.read();
      this.last = { sentAt, value };
      return value;
    })();
    return this.pending;
  }
}
