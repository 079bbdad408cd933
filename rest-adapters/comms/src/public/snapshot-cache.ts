import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { PublicSnapshot } from '@polystatus/contracts';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** One public document, ready to send: its bytes in each encoding and their tags, computed once per rendering. */
export interface ServedDocument {
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Strong tags, one per encoding (the bytes differ); a 304 accepts any of them. */
  etag: { identity: string; gzip: string; br: string };
}

export interface HeldSnapshot {
  version: number;
  renderedAt: string;
  /** `renderedAt` as an HTTP date, for Last-Modified. */
  httpDate: string;
  documents: Map<string, ServedDocument>;
}

/**
 * The snapshot this process serves, in memory. Loading compresses every document off the event loop (zlib's
 * thread pool) and swaps the whole snapshot in at once, so a reader never mixes two renderings; an older
 * version than the one held is ignored.
 */
export class SnapshotCache {
  private held: HeldSnapshot | null = null;
  private loading: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(held: HeldSnapshot) => void>();
  /** Set while the source of new snapshots is unreachable: what is held may be behind. */
  stale = false;

  get current(): HeldSnapshot | null {
    return this.held;
  }

  /** Called after each swap (the live banner stream compares what it sent with the new snapshot). */
  onSwap(listener: (held: HeldSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads in arrival order; resolves once this snapshot (or a newer one) is served. */
  load(snapshot: PublicSnapshot): Promise<void> {
    this.loading = this.loading.then(() => this.swapIn(snapshot)).catch(() => undefined);
    return this.loading;
  }

  private async swapIn(snapshot: PublicSnapshot): Promise<void> {
    if (this.held && snapshot.version <= this.held.version) return;
    const documents = new Map<string, ServedDocument>();
    await Promise.all(
      snapshot.documents.map(async (d) => {
        const identity = Buffer.from(d.body, 'utf8');
        const [gzipped, brotli] = await Promise.all([
          gz(identity, { level: 9 }),
          br(identity, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
            },
          }),
        ]);
        const tag = createHash('sha256').update(identity).digest('base64url').slice(0, 32);
        documents.set(d.path, {
          contentType: d.contentType,
          identity,
          gzip: gzipped,
          br: brotli,
          etag: { identity: `"${tag}"`, gzip: `"${tag}-gz"`, br: `"${tag}-br"` },
        });
      }),
    );
    if (this.held && snapshot.version <= this.held.version) return;
    this.held = {
      version: snapshot.version,
      renderedAt: snapshot.renderedAt,
      httpDate: new Date(snapshot.renderedAt).toUTCString(),
      documents,
    };
    for (const listener of this.listeners) listener(this.held);
  }
}
