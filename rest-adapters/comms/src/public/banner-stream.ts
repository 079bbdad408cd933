import { PassThrough } from 'node:stream';
import { DomainError } from '@polystatus/kit';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { HeldSnapshot, SnapshotCache } from './snapshot-cache.ts';

/** The snapshot document the stream carries (rendered by the comms subgraph, render/banner.ts). */
export const BANNER_PATH = '/api/v1/public/banner';

export interface BannerStreamLimits {
  /** Streams one process holds at most: each costs a descriptor for as long as the page stays open. */
  maxConnections: number;
  /** Streams one client address may hold; a whole office behind one NAT shares it (the widget then polls). */
  maxPerAddress: number;
  /** A comment line this often keeps proxies and NAT tables from dropping an idle stream. */
  heartbeatMs?: number;
}

/** Unsent bytes one client may fall behind by before it is dropped (it reconnects and gets the current banner). */
const MAX_BUFFERED = 64 * 1024;
const HEARTBEAT_MS = 25_000;
/** Reconnection delays are spread over this range, so a restart is not followed by every browser at once. */
const RETRY_MS = [3_000, 15_000] as const;

/** Why a stream was refused: the process cap, the per-address cap, or no snapshot yet. */
export type BannerStreamRefusal = 'capacity' | 'per_address' | 'not_ready';

interface Client {
  out: PassThrough;
  address: string;
}

/**
 * The live banner as server-sent events, fed by the snapshot follower: when a new snapshot holds a different
 * banner document (compared by its ETag), every open stream gets it as one `banner` event; a new stream gets the
 * current one at once. Each event is the document's bytes as held: no rendering and no Redis per client.
 *
 * Streams are admitted against a per-process and a per-address cap before anything is written (like the
 * gateway's realtime admission), so this public, token-free endpoint cannot be used to exhaust descriptors.
 */
export class BannerStream {
  private readonly clients = new Set<Client>();
  private readonly perAddress = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private sentTag: string | null = null;
  private refusals: Counter<'reason'> | undefined;

  constructor(
    private readonly cache: SnapshotCache,
    private readonly limits: BannerStreamLimits,
  ) {
    this.sentTag = cache.current?.documents.get(BANNER_PATH)?.etag.identity ?? null;
    this.unsubscribe = cache.onSwap((held) => this.onSnapshot(held));
    this.heartbeat = setInterval(() => this.broadcast(':\n\n'), limits.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /**
   * Puts the stream's figures on the process registry (GET /metrics): open streams and the addresses holding
   * them, read when scraped, and refusals by reason. Called once the adapter's registry exists, before it listens.
   */
  instrument(registry: Registry): void {
    const self = this;
    new Gauge({
      name: 'banner_streams_open',
      help: 'Live banner streams (server-sent events) open',
      registers: [registry],
      collect() {
        this.set(self.clients.size);
      },
    });
    new Gauge({
      name: 'banner_stream_addresses',
      help: 'Client addresses holding at least one live banner stream',
      registers: [registry],
      collect() {
        this.set(self.perAddress.size);
      },
    });
    this.refusals = new Counter({
      name: 'banner_stream_refusals_total',
      help: 'Live banner streams refused, by reason (capacity, per_address, not_ready)',
      labelNames: ['reason'],
      registers: [registry],
    });
  }

  /**
   * A stream for one client, starting with the current banner; RATE_LIMITED (429, Retry-After) over a cap,
   * UNAVAILABLE (503) before the first snapshot.
   */
  open(address: string): PassThrough {
    const held = this.cache.current;
    const doc = held?.documents.get(BANNER_PATH);
    if (!held || !doc)
      throw this.refuse('not_ready', 'UNAVAILABLE', 'the public page is not available yet', 1);
    if (this.clients.size >= this.limits.maxConnections)
      throw this.refuse('capacity', 'RATE_LIMITED', 'too many live banner streams; poll the banner instead');
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxPerAddress)
      throw this.refuse('per_address', 'RATE_LIMITED', 'too many live banner streams from this address');

    const out = new PassThrough();
    const client: Client = { out, address };
    this.clients.add(client);
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    // Fastify destroys the body stream when the response closes (client gone, or server shutting down).
    out.once('close', () => this.release(client));
    const retry = RETRY_MS[0] + Math.floor(Math.random() * (RETRY_MS[1] - RETRY_MS[0]));
    out.write(`retry: ${retry}\n${event(held, doc.identity)}`);
    return out;
  }

  /** Ends every stream (shutdown: in-flight responses would otherwise keep the server from closing). */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const c of this.clients) c.out.end();
  }

  private refuse(
    reason: BannerStreamRefusal,
    code: 'UNAVAILABLE' | 'RATE_LIMITED',
    message: string,
    retryAfter = 60,
  ): DomainError {
    this.refusals?.inc({ reason });
    return new DomainError(code, message, { retryAfter });
  }

  private onSnapshot(held: HeldSnapshot): void {
    const doc = held.documents.get(BANNER_PATH);
    if (!doc || doc.etag.identity === this.sentTag) return;
    this.sentTag = doc.etag.identity;
    this.broadcast(event(held, doc.identity));
  }

  private broadcast(chunk: string): void {
    for (const c of this.clients) {
      // A reader that does not keep up is cut off rather than buffered without bound.
      if (c.out.writableLength > MAX_BUFFERED) c.out.destroy();
      else c.out.write(chunk);
    }
  }

  private release(client: Client): void {
    if (!this.clients.delete(client)) return;
    const n = (this.perAddress.get(client.address) ?? 1) - 1;
    if (n > 0) this.perAddress.set(client.address, n);
    else this.perAddress.delete(client.address);
  }
}

/** One `banner` event: the document is one line of JSON, so one `data:` line carries it. */
const event = (held: HeldSnapshot, json: Buffer) =>
  `id: ${held.version}\nevent: banner\ndata: ${json.toString('utf8')}\n\n`;
