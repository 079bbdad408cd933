import { COMMS_EVENTS } from '@polystatus/contracts';
import { createLogger, createSealer, envelopeToFields, newEnvelope } from '@polystatus/kit';
import { deletePrefix, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { commsKeys } from '../../keys.ts';
import { NotifyQueueStore } from '../../store/notify-queue-store.ts';
import { NotifySubscriberStore } from '../../store/notify-subscriber-store.ts';
import { NotifyTriggerStore } from '../../store/notify-trigger-store.ts';
import { NotifyWebhookStore } from '../../store/notify-webhook-store.ts';
import { createLinkSigner } from '../domain/link-token.ts';
import { createFanOut, type FanOut } from '../service/fan-out.ts';
import { subscriberLinks } from '../service/links.ts';
import { startTriggerConsumer } from './trigger-consumer.ts';

/**
 * The trigger consumer on real Redis: a consumer that dies in the middle of a fan-out leaves its event to another,
 * and nobody gets a second job (the per-recipient dedupe marks); an event whose fan-out keeps failing is
 * dead-lettered and the events behind it go on.
 */

const redis = testRedis();
const connections = [redis];
const prefixes: string[] = [];
const logger = createLogger('trigger-consumer-test', 'silent');

afterAll(async () => {
  for (const p of prefixes) await deletePrefix(redis, p);
  for (const c of connections) c.disconnect();
});

function setup() {
  const prefix = uniquePrefix('comms-triggers');
  prefixes.push(prefix);
  const keys = commsKeys(prefix);
  return { keys, store: new NotifyTriggerStore(redis, keys) };
}

function consumer(
  keys: ReturnType<typeof commsKeys>,
  name: string,
  fanOut: FanOut,
  extra: { maxAttempts?: number } = {},
) {
  const blocking = testRedis();
  connections.push(blocking);
  const started = startTriggerConsumer({
    redis,
    blocking,
    store: new NotifyTriggerStore(redis, keys),
    streams: [keys.events],
    group: keys.notifyTriggerGroup,
    consumer: name,
    fanOut,
    pollMs: 50,
    maxAttempts: extra.maxAttempts ?? 5,
    claimIdleMs: 300,
    logger,
  });
  return { ...started, blocking };
}

const publish = (stream: string, type: string, data: Record<string, unknown>) => {
  const e = newEnvelope(type, 'user-1', 'ann-1', data);
  return redis.xadd(stream, '*', ...envelopeToFields(e)).then(() => e);
};

async function until(what: string, probe: () => Promise<boolean> | boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('trigger consumer', () => {
  it('a consumer killed mid-fan-out: another takes the event over and no recipient gets a second job', async () => {
    const { keys } = setup();
    const sealer = createSealer('a test secret of thirty-two characters!', { salt: 's', info: 'i' });
    const webhooks = new NotifyWebhookStore(redis, keys, sealer, { logMaxLen: 100, messageTtlMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      await webhooks.create({
        id: `wh_${i}`,
        url: `https://example.com/${i}`,
        secret: 'whsec_x',
        createdBy: 'u',
        now: i,
      });
    }
    const queue = new NotifyQueueStore(redis, keys);
    // The first consumer stops answering after queuing three of the five jobs, as a process killed there would.
    let calls = 0;
    let release!: () => void;
    const frozen = new Promise<void>((r) => {
      release = r;
    });
    const dying = Object.create(queue) as NotifyQueueStore;
    dying.enqueueOnce = async (...args) => {
      if (++calls > 3) await frozen;
      return queue.enqueueOnce(...args);
    };
    let jobIds = 0;
    const fanOutWith = (q: NotifyQueueStore) =>
      createFanOut({
        queue: q,
        subscribers: new NotifySubscriberStore(redis, keys),
        webhooks,
        read: {
          incident: async () => null,
          incidentUpdates: async () => [],
          component: async () => null,
          page: async () => ({ id: 'p', name: 'Acme', statusIndicator: 'none', statusDescription: 'ok' }),
        },
        links: subscriberLinks(
          'https://status.example.com',
          createLinkSigner('a link secret of 32 characters!!'),
          1000,
        ),
        pagerDuty: false,
        dedupeTtlMs: 60_000,
        clock: Date.now,
        newJobId: () => `job-${++jobIds}`,
      });

    const first = consumer(keys, 'comms-first', fanOutWith(dying));
    await first.ready;
    await publish(keys.events, COMMS_EVENTS.announcementPublished, {
      announcementId: 'ann-1',
      incidentId: 'INC-1',
      state: 'investigating',
      message: 'Checkout is failing.',
      authorId: 'user-1',
      impacts: [],
    });
    const queued = async () => (await redis.xrange(keys.notifyQueue, '-', '+')).length;
    await until('three jobs', async () => (await queued()) === 3);
    first.blocking.disconnect();

    // A restarted process has a new consumer name: it must claim the event, not wait for the dead one.
    const second = consumer(keys, 'comms-second', fanOutWith(queue));
    await until('the five jobs', async () => (await queued()) === 5);
    await until('the event acknowledged', async () => {
      const [count] = (await redis.xpending(keys.events, keys.notifyTriggerGroup)) as [number];
      return count === 0;
    });
    // The first consumer comes back to life and finishes its fan-out: the marks stop its two late jobs.
    release();
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([first.stop(), second.stop()]);

    const jobs = (await redis.xrange(keys.notifyQueue, '-', '+')).map(
      ([, fields]) => JSON.parse(fields[1]!) as { endpointId: string },
    );
    expect(jobs.map((j) => j.endpointId).sort()).toEqual(['wh_0', 'wh_1', 'wh_2', 'wh_3', 'wh_4']);
  });

  it('dead-letters an event whose fan-out keeps failing and goes on with the events behind it', async () => {
    const { keys, store } = setup();
    const attempts: Record<string, number> = {};
    const handled: string[] = [];
    const fanOut: FanOut = {
      async handle(e) {
        attempts[e.type] = (attempts[e.type] ?? 0) + 1;
        if (e.type === 'test.poison') throw new Error('cannot render this event');
        handled.push(e.type);
      },
    };
    const c = consumer(keys, 'comms-only', fanOut, { maxAttempts: 3 });
    await c.ready;
    const poison = await publish(keys.events, 'test.poison', {});
    await publish(keys.events, 'test.fine', {});
    await until('the event behind the poison one', () => handled.includes('test.fine'));
    await c.stop();

    expect(attempts['test.poison']).toBe(3);
    expect(attempts['test.fine']).toBe(1);
    const [dead] = await store.deadLetters(10);
    expect(dead).toMatchObject({
      eventId: poison.id,
      type: 'test.poison',
      attempts: 3,
      error: 'cannot render this event',
    });
    const [pendingCount] = (await redis.xpending(keys.events, keys.notifyTriggerGroup)) as [number];
    expect(pendingCount).toBe(0);
    expect(await redis.exists(keys.notifyTriggerFailures)).toBe(0);
  });
});
