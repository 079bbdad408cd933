import { hostname } from 'node:os';
import { INCIDENT_EVENTS } from '@polystatus/contracts';
import { createRedis, envelopeFromFields, type Logger, type RedisHandle } from '@polystatus/kit';
import type { CommsEnv } from '../config.ts';
import type { CommsDeps } from '../service/deps.ts';

/** The incident events that change what the public page shows; the others are acknowledged unread. */
const RELEVANT: ReadonlySet<string> = new Set([
  INCIDENT_EVENTS.created,
  INCIDENT_EVENTS.updated,
  INCIDENT_EVENTS.statusChanged,
]);
const BATCH = 100;
const BLOCK_MS = 2_000;
/** A consumer that died holding entries: another claims them after this long. */
const CLAIM_IDLE_MS = 60_000;
const BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000];

type Entry = [id: string, fields: string[]];

/**
 * Follows `<prefix>:incidents:events` through the consumer group `comms` (one delivery per event across
 * replicas) and records each changed incident as the graph shows it now, then asks for a rendering of the public
 * page (PublicPage folds a burst of batches into one rendering per interval). Applying is idempotent (a mark per event id, and facts older than those held are ignored), so an event
 * delivered twice after a crash changes nothing. When the graph is unreachable, entries stay pending and are
 * retried with backoff; nothing is acknowledged before it is applied.
 */
export class IncidentConsumer {
  private readonly reader: RedisHandle;
  private readonly consumer = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private lastClaim = 0;

  constructor(
    redis: RedisHandle,
    private readonly deps: CommsDeps,
    private readonly log: Logger,
    env: Pick<CommsEnv, 'REDIS_URL' | 'REDIS_COMMAND_TIMEOUT_MS'>,
  ) {
    this.reader = createRedis({
      url: env.REDIS_URL,
      name: 'comms-incidents-consumer',
      keyPrefix: redis.keyPrefix,
      commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
      blocking: true,
      logger: log,
    });
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader.client.disconnect();
    await this.loop;
  }

  private get keys() {
    return this.deps.store.keys;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let pendingFirst = true;
    while (!this.stopped) {
      try {
        await this.ensureGroup();
        const entries: Entry[] = pendingFirst ? await this.read('0') : await this.read('>');
        pendingFirst = entries.length === BATCH && pendingFirst;
        if (!pendingFirst && entries.length === 0) await this.claimAbandoned();
        if (entries.length > 0) await this.apply(entries);
        failures = 0;
      } catch (err) {
        if (this.stopped) return;
        this.log.warn({ err }, 'incidents consumer: will retry');
        pendingFirst = true; // what failed is still pending: retry it before reading new entries
        await sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!);
      }
    }
  }

  private groupReady = false;
  private async ensureGroup(): Promise<void> {
    if (this.groupReady) return;
    try {
      // From the stream's start: a first deployment learns every incident still in the stream.
      await this.reader.client.xgroup(
        'CREATE',
        this.keys.incidentsEvents,
        this.keys.incidentsConsumerGroup,
        '0',
        'MKSTREAM',
      );
    } catch (err) {
      if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
    }
    this.groupReady = true;
  }

  private async read(from: '0' | '>'): Promise<Entry[]> {
    const args = ['GROUP', this.keys.incidentsConsumerGroup, this.consumer, 'COUNT', BATCH] as const;
    const reply = (await (from === '>'
      ? this.reader.client.xreadgroup(...args, 'BLOCK', BLOCK_MS, 'STREAMS', this.keys.incidentsEvents, '>')
      : this.reader.client.xreadgroup(...args, 'STREAMS', this.keys.incidentsEvents, '0'))) as
      | [string, Entry[]][]
      | null;
    return reply?.[0]?.[1] ?? [];
  }

  /** Takes over entries a dead replica left pending, at most once a minute. */
  private async claimAbandoned(): Promise<void> {
    const now = Date.now();
    if (now - this.lastClaim < CLAIM_IDLE_MS) return;
    this.lastClaim = now;
    await this.reader.client.xautoclaim(
      this.keys.incidentsEvents,
      this.keys.incidentsConsumerGroup,
      this.consumer,
      CLAIM_IDLE_MS,
      '0',
      'COUNT',
      BATCH,
    );
  }

  private async apply(entries: Entry[]): Promise<void> {
    const relevant = new Map<string, string[]>(); // incident id → the event ids that concern it
    for (const [, fields] of entries) {
      if (fields.length === 0) continue; // trimmed away while pending
      const e = envelopeFromFields(fields);
      if (!RELEVANT.has(e.type)) continue;
      relevant.set(e.subject, [...(relevant.get(e.subject) ?? []), e.id]);
    }
    if (relevant.size > 0) {
      // One graph read per incident per batch, however many of its events the batch holds.
      const ids = [...relevant.keys()];
      const facts = await this.deps.incidents.getMany(ids);
      const now = this.deps.clock();
      let changed = false;
      for (let i = 0; i < ids.length; i++) {
        const f = facts[i];
        if (!f) continue; // deleted or not visible to comms: nothing public to say
        const eventIds = relevant.get(ids[i]!)!;
        for (const eventId of eventIds)
          changed = (await this.deps.store.applyIncident(f, now, eventId)) || changed;
      }
      // Not awaited: the next batch is applied while the page renders, and the renderer folds a burst of
      // batches into one rendering per interval. The change is committed; a rendering lost to a crash is
      // redone by the next change, the start-up rendering or the scheduler's minute re-rendering.
      if (changed) void this.deps.publicPage.requestRender();
    }
    await this.reader.client.xack(
      this.keys.incidentsEvents,
      this.keys.incidentsConsumerGroup,
      ...entries.map(([id]) => id),
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
