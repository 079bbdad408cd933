/**
 * A read whose answer must be no older than the caller's own arrival: concurrent callers share one read, but
 * never one that was already sent before they came, since it may predate a write they must see. A caller that
 * arrives while a read is on its way waits for it to finish, then joins the next one with everybody else who
 * arrived meanwhile: under load, one read per round trip serves every request, and none is answered from the past.
 */
export class FreshRead<T> {
  /** A read not yet sent, which every caller arriving now can share. */
  private pending: Promise<T> | undefined;
  /** The read sent last; the next one waits for it (it may have been sent before the new callers arrived). */
  private inFlight: Promise<unknown> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    this.pending ??= (async () => {
      await this.inFlight;
      this.pending = undefined;
      const run = this.read();
      this.inFlight = run.catch(() => {});
      return run;
    })();
    return this.pending;
  }
}
