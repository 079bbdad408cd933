import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { PublicSnapshot } from '@polystatus/contracts';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Brotli quality when a snapshot arrives, and once it has stayed current for SETTLE_MS. Quality 11 makes the
 * public documents 7% smaller than quality 5 for 90 times the CPU (docs/performance.md: 133 ms against 1.5 ms for
 * a 100 KB snapshot with 50 public incidents). A burst of renderings (an outage opening many incidents) must not
 * cost a core here, so each rendering is served at once at quality 5 and recompressed at 11 only if it lasts.
 */
const BROTLI_FAST = 5;
const BROTLI_BEST = 11;
const SETTLE_MS = 3_000;

/** One public document, ready to send: its bytes in each encoding and their tags, computed once per rendering. */
export interface ServedDocument {
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** The brotli quality `br` was compressed at. */
  brQuality: number;
  /** The content's hash: every tag of this document starts with it, and a 304 accepts any of them. */
  hash: string;
  /** Strong tags, one per encoding (the bytes differ). */
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
 * The snapshot this process serves, in memory. Loading compresses every changed document off the event loop
 * (zlib's thread pool) and swaps the whole snapshot in at once, so a reader never mixes two renderings; an older
 * version than the one held is ignored.
 */
export class SnapshotCache {
  private held: HeldSnapshot | null = null;
  private loading: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(held: HeldSnapshot) => void>();
  private settle: NodeJS.Timeout | undefined;
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
    const previous = this.held?.documents;
    const documents = new Map<string, ServedDocument>();
    await Promise.all(
      snapshot.documents.map(async (d) => {
        const identity = Buffer.from(d.body, 'utf8');
        // An unchanged document (the widget, a badge, often the feeds) keeps its compressed bytes and tags.
        const held = previous?.get(d.path);
        if (held && held.contentType === d.contentType && held.identity.equals(identity)) {
          documents.set(d.path, held);
          return;
        }
        documents.set(d.path, await served(d.contentType, identity));
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
    clearTimeout(this.settle);
    this.settle = setTimeout(() => void this.recompress(snapshot.version), SETTLE_MS);
    this.settle.unref();
  }

  /** Stops the pending recompression (shutdown, tests). */
  close(): void {
    clearTimeout(this.settle);
  }

  /**
   * The held snapshot's documents at the best brotli quality, if it is still the one held. Each document's bytes
   * and tag are replaced together, synchronously, so a reader sees one pair or the other, never a mix.
   */
  private async recompress(version: number): Promise<void> {
    if (this.held?.version !== version) return;
    for (const doc of this.held.documents.values()) {
      if (doc.brQuality >= BROTLI_BEST) continue;
      const best = await brotli(doc.identity, BROTLI_BEST);
      if (this.held?.version !== version) return;
      doc.br = best;
      doc.brQuality = BROTLI_BEST;
      doc.etag.br = `"${doc.hash}-br"`;
    }
  }
}

const brotli = (identity: Buffer, quality: number) =>
  br(identity, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
    },
  });

/** One document as first served: gzip at its best level (cheap), brotli at the fast quality until it settles. */
async function served(contentType: string, identity: Buffer): Promise<ServedDocument> {
  const [gzipped, brotlied] = await Promise.all([gz(identity, { level: 9 }), brotli(identity, BROTLI_FAST)]);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 32);
  return {
    contentType,
    identity,
    gzip: gzipped,
    br: brotlied,
    brQuality: BROTLI_FAST,
    hash,
    etag: { identity: `"${hash}"`, gzip: `"${hash}-gz"`, br: `"${hash}-br${BROTLI_FAST}"` },
  };
}
