import { DomainError, envelopeFromFields, type Logger, type Redis } from '@polystatus/kit';
import { domainEventStream } from './keys.ts';
import type { StreamEvent } from './source.ts';
import { compareStreamIds } from './stream-id.ts';

type XReadReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

export interface EventReaderOptions {
  /** A dedicated connection opened with `blocking: true`: XREAD BLOCK holds it. */
  client: Redis;
  keyPrefix: string;
  domains: string[];
  logger: Logger;
  onEvent(event: StreamEvent): void;
  /** How long one XREAD waits; bounds how late `stop` takes effect when the connection cannot be cut. */
  blockMs?: number;
  batch?: number;
}

/**
 * The process's one live reader: a single XREAD BLOCK loop over every stream the subscriptions need, on its
 * own connection. Plain XREAD, not a consumer group, because every realtime process must see every event
 * for its own clients. It starts at each stream's current end, then always continues from the last id it
 * read, so no event falls between two reads.
 */
export class EventReader {
  private readonly streams: { key: string; domain: string; lastId: string }[];
  private running = false;
  private loop: Promise<void> | null = null;
  private markReady: () => void = () => {};
  readonly ready: Promise<void>;

  constructor(private readonly opts: EventReaderOptions) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    this.streams = opts.domains.map((domain) => ({
      key: domainEventStream(opts.keyPrefix, domain),
      domain,
      lastId: '0-0',
    }));
  }

  /**
   * Returns at once: the gateway must serve queries even while Redis is unreachable, so finding each stream's
   * end happens in the loop, which keeps retrying. `ready` settles when the reader is following the streams.
   */
  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    const { client, logger } = this.opts;
    while (this.running) {
      try {
        for (const s of this.streams) {
          const last = (await client.xrevrange(s.key, '+', '-', 'COUNT', 1)) as [string, string[]][];
          s.lastId = last[0]?.[0] ?? '0-0';
        }
        break;
      } catch (err) {
        if (!this.running) return;
        logger.warn({ err }, 'event streams unreachable; retrying');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    this.markReady();
    while (this.running) {
      let reply: XReadReply;
      try {
        reply = (await client.xread(
          'COUNT',
          this.opts.batch ?? 1000,
          'BLOCK',
          this.opts.blockMs ?? 5000,
          'STREAMS',
          ...this.streams.map((s) => s.key),
          ...this.streams.map((s) => s.lastId),
        )) as XReadReply;
      } catch (err) {
        if (!this.running) return;
        logger.warn({ err }, 'event stream read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      for (const [key, entries] of reply ?? []) {
        const stream = this.streams.find((s) => s.key === key);
        if (!stream) continue;
        for (const [id, fields] of entries) {
          stream.lastId = id;
          try {
            this.opts.onEvent({ domain: stream.domain, streamId: id, envelope: envelopeFromFields(fields) });
          } catch (err) {
            // One malformed envelope must not stop delivery of everything after it.
            logger.error({ err, stream: key, id }, 'event could not be dispatched');
          }
        }
      }
    }
  }

  /** Cuts the blocked connection rather than waiting up to `blockMs` for XREAD to return. */
  async stop(): Promise<void> {
    this.running = false;
    this.opts.client.disconnect();
    await this.loop?.catch(() => {});
  }
}

/**
 * Catch-up reads, on an ordinary connection: the domain stream after `afterId`, in pages. Streams are capped, so
 * a cursor from before the oldest kept entry may have lost events: that is refused (CONFLICT) rather than
 * replayed with a silent gap, and the client reloads the current state instead.
 */
export async function* readStreamAfter(
  client: Redis,
  keyPrefix: string,
  domain: string,
  afterId: string,
  page = 500,
): AsyncIterable<StreamEvent> {
  const key = domainEventStream(keyPrefix, domain);
  if (await trimmedAfter(client, key, afterId)) {
    throw new DomainError(
      'CONFLICT',
      'the events after this cursor are no longer kept; reload, then subscribe without after',
      {
        details: [{ field: 'after', issue: 'is older than the oldest event kept' }],
      },
    );
  }
  let from = afterId;
  for (;;) {
    const entries = (await client.xrange(key, `(${from}`, '+', 'COUNT', page)) as [string, string[]][];
    for (const [id, fields] of entries) yield { domain, streamId: id, envelope: envelopeFromFields(fields) };
    if (entries.length < page) return;
    from = entries[entries.length - 1]![0];
  }
}

/** True when entries were trimmed from the stream and the oldest kept one is after `afterId`. */
async function trimmedAfter(client: Redis, key: string, afterId: string): Promise<boolean> {
  let info: unknown[];
  try {
    info = (await client.xinfo('STREAM', key)) as unknown[];
  } catch {
    return false; // no stream yet: nothing was ever trimmed
  }
  const field = (name: string) => info[info.indexOf(name) + 1];
  const added = Number(field('entries-added'));
  const length = Number(field('length'));
  const first = (field('first-entry') as [string, string[]] | null)?.[0];
  return added > length && first !== undefined && compareStreamIds(afterId, first) < 0;
}
