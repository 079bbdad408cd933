import { envelopeFromFields, type Logger, type Redis } from '@polystatus/kit';
import type { NotifyTriggerStore } from '../../store/notify-trigger-store.ts';
import type { FanOut } from '../service/fan-out.ts';

export interface TriggerConsumerOptions {
  /** The regular connection (group creation) and one of its own for the blocking read. */
  redis: Redis;
  blocking: Redis;
  store: NotifyTriggerStore;
  /** The streams that drive notifications: comms' own events and the incidents domain's. */
  streams: string[];
  group: string;
  consumer: string;
  fanOut: FanOut;
  pollMs: number;
  /** Failed fan-outs of one event before it is dead-lettered, so one poison event cannot hold up the rest. */
  maxAttempts: number;
  /** An event another consumer has held unacknowledged this long is taken over (that consumer died). */
  claimIdleMs: number;
  logger: Logger;
}

/**
 * Reads the event streams through a consumer group and fans each event out into delivery jobs. An event is
 * acknowledged after its fan-out, so one interrupted by a crash stays pending: this consumer reads its own
 * pending events first (the `0` read below), and events left by a consumer that died (a restarted process has a
 * new name) are claimed after `claimIdleMs`. The per-recipient dedupe marks stop such a replay, or two consumers
 * racing on one event, from queuing a second job for anyone. A fan-out that keeps failing is retried up to
 * `maxAttempts` times, then set aside in the dead-letter stream with its error, and the events behind it go on.
 * The group starts at `$`: a fresh deployment does not mail the whole history.
 */
export function startTriggerConsumer(o: TriggerConsumerOptions) {
  let running = true;
  let lastClaim = 0;

  async function ensureGroups() {
    for (const stream of o.streams) {
      try {
        await o.redis.xgroup('CREATE', stream, o.group, '$', 'MKSTREAM');
      } catch (err) {
        if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
      }
    }
  }

  /** Counts the failure; dead-letters the event at the limit (true: move on), else leaves it pending (false). */
  async function failed(stream: string, entryId: string, fields: string[], err: unknown): Promise<boolean> {
    const envelope = envelopeFromFields(fields);
    const error = (err as Error).message ?? String(err);
    const attempts = await o.store.recordFailure(stream, entryId);
    if (attempts < o.maxAttempts) {
      o.logger.warn({ err: error, event: envelope.id, type: envelope.type, attempts }, 'fan-out failed');
      return false;
    }
    await o.store.deadLetter(o.group, {
      stream,
      entryId,
      eventId: envelope.id,
      type: envelope.type,
      attempts,
      error,
      at: Date.now(),
    });
    o.logger.error(
      { err: error, event: envelope.id, type: envelope.type, attempts },
      'fan-out kept failing: event dead-lettered, its notifications are not sent',
    );
    return true;
  }

  async function readBatch(ids: string[], count: number, blockMs: number | null) {
    const args: (string | number)[] = ['GROUP', o.group, o.consumer, 'COUNT', count];
    if (blockMs !== null) args.push('BLOCK', blockMs);
    args.push('STREAMS', ...o.streams, ...ids);
    const res = (await (o.blocking.xreadgroup as (...a: (string | number)[]) => Promise<unknown>)(...args)) as
      | [string, [string, string[] | null][]][]
      | null;
    let read = 0;
    for (const [stream, entries] of res ?? []) {
      for (const [entryId, fields] of entries) {
        read++;
        // A null entry was trimmed from the stream while pending: nothing left to notify.
        if (fields) {
          try {
            await o.fanOut.handle(envelopeFromFields(fields), { stream, entryId });
          } catch (err) {
            if (await failed(stream, entryId, fields, err)) continue;
            throw err;
          }
        }
        await o.store.ack(stream, o.group, entryId);
      }
    }
    return read;
  }

  async function claimAbandoned() {
    lastClaim = Date.now();
    let claimed = 0;
    for (const stream of o.streams)
      claimed += await o.store.claimStale(stream, o.group, o.consumer, o.claimIdleMs);
    if (claimed > 0)
      o.logger.info({ claimed }, 'notification triggers: took over events of a stopped consumer');
    return claimed > 0;
  }

  const loop = async () => {
    await ensureGroups();
    groupsReady();
    let pending = true;
    while (running) {
      try {
        if (Date.now() - lastClaim >= o.claimIdleMs / 2 && (await claimAbandoned())) pending = true;
        if (pending) {
          // This consumer's unfinished events first (a crash, a failed fan-out, claimed ones), then new ones. A
          // few at a time: the remaining ones wait behind a failure without being re-read for nothing.
          pending =
            (await readBatch(
              o.streams.map(() => '0'),
              10,
              null,
            )) > 0;
          continue;
        }
        await readBatch(
          o.streams.map(() => '>'),
          100,
          Math.min(o.pollMs, o.claimIdleMs / 2),
        );
      } catch (err) {
        if (!running) break;
        pending = true;
        o.logger.warn({ err: (err as Error).message }, 'notification triggers: retrying');
        await new Promise((r) => setTimeout(r, Math.min(1000, o.pollMs)));
      }
    }
  };

  let groupsReady: () => void;
  const ready = new Promise<void>((r) => {
    groupsReady = r;
  });
  const done = loop();
  return {
    /** Resolves once the groups exist: events appended from then on are seen. */
    ready,
    async stop() {
      running = false;
      await done;
    },
  };
}
