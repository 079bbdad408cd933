import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { COMMS_EVENTS, INCIDENT_EVENTS } from '@polystatus/contracts';
import { createLogger, envelopeToFields, newEnvelope } from '@polystatus/kit';
import { deletePrefix, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commsKeys } from '../keys.ts';
import { type NotifySettings, startNotifications } from './notify-runtime.ts';
import type { NotifyReadModel } from './service/read-model.ts';
import { confirmSubscription, subscribeEmail } from './service/subscriptions.ts';
import { createWebhookEndpoint } from './service/webhooks.ts';

/**
 * The notification side end to end on real Redis, a real SMTP server (smtp-server), real HTTP receivers that
 * verify every webhook with the `standardwebhooks` package, and a local PagerDuty: events appended to the comms
 * and incidents streams must come out as mails, signed webhooks and PagerDuty events.
 */

interface ReceivedMail {
  to: string[];
  raw: string;
}

const mails: ReceivedMail[] = [];
let smtp: SMTPServer;
let smtpPort: number;

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
const servers: Server[] = [];
async function receiver(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 10_000) => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const prefix = uniquePrefix('comms-notify');
const keys = commsKeys(prefix);
const redis = testRedis();
const pdEvents: Record<string, unknown>[] = [];
let pdAnswers: number[] = [];
let notifications: ReturnType<typeof startNotifications>;

const read: NotifyReadModel = {
  incident: async (id) => ({
    title: `Checkout errors (${id})`,
    sev: 2,
    services: ['checkout'],
    createdAt: 1_700_000_000_000,
  }),
  incidentUpdates: async () => [],
  component: async (id) => ({ id, name: 'API', createdAt: 1_700_000_000_000 }),
  page: async () => ({
    id: 'page',
    name: 'Acme',
    statusIndicator: 'major',
    statusDescription: 'Partial outage',
  }),
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  const pdUrl = await receiver((_req, body, res) => {
    pdEvents.push(JSON.parse(body));
    res.writeHead(pdAnswers.shift() ?? 202).end('{"status":"success"}');
  });

  const settings: NotifySettings = {
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_COMMAND_TIMEOUT_MS: 2000,
    COMMS_PAGE_NAME: 'Acme',
    COMMS_PAGE_URL: 'https://status.example.com',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'status@example.com',
    NOTIFY_OUTBOX_DIR: '/nonexistent',
    PAGERDUTY_ROUTING_KEY: 'R0UTINGKEY0000000000000000000000',
    PAGERDUTY_EVENTS_URL: pdUrl,
    POLYSTATUS_ALLOW_PRIVATE_NETWORK: true,
    NOTIFY_RETRY_SCHEDULE_MS: [150, 150],
    NOTIFY_WEBHOOK_TIMEOUT_MS: 1000,
    NOTIFY_WEBHOOK_DISABLE_AFTER_MS: 86_400_000,
    NOTIFY_WEBHOOK_SECRET_GRACE_MS: 86_400_000,
    NOTIFY_CONFIRM_THROTTLE_MS: 60_000,
    NOTIFY_CONFIRM_TTL_MS: 86_400_000,
    NOTIFY_CONCURRENCY: 8,
    NOTIFY_POLL_MS: 100,
    NOTIFY_WORKERS: true,
  };
  notifications = startNotifications({
    settings,
    redis,
    keys,
    encryptionSecret: 'an encryption secret for the notify tests, 32+ chars',
    read,
    logger: createLogger('comms-notify-test', 'silent'),
  });
  await notifications.ready;
});

afterAll(async () => {
  await notifications.stop();
  await new Promise<void>((r) => smtp.close(() => r()));
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

const publish = (stream: string, type: string, subject: string, data: Record<string, unknown>) => {
  const e = newEnvelope(type, 'user-1', subject, data);
  return redis.xadd(stream, '*', ...envelopeToFields(e)).then(() => e);
};

/** The mail body as written, undoing the quoted-printable transfer encoding nodemailer may pick. */
const quotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

const headerOf = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(raw.replace(/\r\n[ \t]+/g, ' '))?.[1]?.trim();

describe('email subscribers', () => {
  it('double opt-in: only the confirmed address gets the announcement, with one-click unsubscribe headers', async () => {
    const d = notifications.deps;
    await subscribeEmail(d, { email: 'confirmed@example.com' });
    await subscribeEmail(d, { email: 'pending@example.com' });
    // A second request within the window queues no second confirmation.
    await subscribeEmail(d, { email: 'Confirmed@Example.com' });

    const confirmation = await waitFor('the confirmation mail', () =>
      mails.find((m) => m.to.includes('confirmed@example.com')),
    );
    expect(headerOf(confirmation.raw, 'Subject')).toMatch(/Confirm your subscription to Acme/);
    const token = decodeURIComponent(/confirm\?token=([^\s]+)/.exec(quotedPrintable(confirmation.raw))![1]!);
    expect((await confirmSubscription(d, token))?.status).toBe('confirmed');
    await waitFor('the pending address confirmation', () =>
      mails.find((m) => m.to.includes('pending@example.com')),
    );

    await publish(keys.events, COMMS_EVENTS.announcementPublished, 'ann-1', {
      announcementId: 'ann-1',
      incidentId: 'INC-1',
      state: 'identified',
      message: 'We found the faulty deploy and are rolling it back.',
      authorId: 'user-1',
      impacts: [],
    });
    const update = await waitFor('the announcement mail', () =>
      mails.find((m) => m.to.includes('confirmed@example.com') && /Identified/.test(m.raw)),
    );
    expect(headerOf(update.raw, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/status\.example\.com\/api\/v1\/subscriptions\/email\/unsubscribe\?token=.+>$/,
    );
    expect(headerOf(update.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(update.raw).toContain('rolling it back');

    // Give the queue time to deliver anything else it (wrongly) had.
    await new Promise((r) => setTimeout(r, 500));
    expect(mails.filter((m) => m.to.includes('pending@example.com'))).toHaveLength(1);
    expect(mails.filter((m) => m.to.includes('confirmed@example.com'))).toHaveLength(2);
  });

  it('refuses an invalid address naming the field', async () => {
    await expect(subscribeEmail(notifications.deps, { email: 'not-an-address' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'email', issue: 'must be a valid email address' }],
    });
  });
});

describe('webhooks', () => {
  it('signs every attempt; a receiver failing twice gets the event exactly once after retries; 410 disables', async () => {
    const d = notifications.deps;
    const accepted: unknown[] = [];
    let flakyCalls = 0;
    let flaky!: Awaited<ReturnType<typeof createWebhookEndpoint>>;
    const flakyUrl = await receiver((req, body, res) => {
      flakyCalls++;
      // Every attempt, failed ones included, must carry a valid signature.
      const verified = new Webhook(flaky.secret).verify(body, req.headers as Record<string, string>);
      if (flakyCalls <= 2) return void res.writeHead(500).end();
      accepted.push(verified);
      res.writeHead(204).end();
    });
    let goneCalls = 0;
    const goneUrl = await receiver((_req, _body, res) => {
      goneCalls++;
      res.writeHead(410).end();
    });
    const admin = { kind: 'user' as const, id: 'user-mgr', role: 'manager' as const };
    flaky = await createWebhookEndpoint(d, admin, { url: flakyUrl });
    expect(flaky.secret).toMatch(/^whsec_/);
    const gone = await createWebhookEndpoint(d, admin, { url: goneUrl });

    await publish(keys.events, COMMS_EVENTS.announcementPublished, 'ann-2', {
      announcementId: 'ann-2',
      incidentId: 'INC-2',
      state: 'investigating',
      message: 'Checkout is failing for some customers.',
      authorId: 'user-1',
      impacts: [{ componentId: 'api', oldStatus: 'operational', newStatus: 'partial_outage' }],
    });

    await waitFor('the third attempt', () => accepted.length === 1 || undefined);
    await waitFor(
      '410 to disable',
      async () => (await d.webhooks.get(gone.endpoint.id))?.status === 'disabled' || undefined,
    );
    await new Promise((r) => setTimeout(r, 600));
    expect(flakyCalls).toBe(3);
    expect(goneCalls).toBe(1);
    const body = accepted[0] as {
      incident: { id: string; name: string; status: string; incident_updates: { body: string }[] };
    };
    expect(body.incident).toMatchObject({
      id: 'INC-2',
      name: 'Checkout errors (INC-2)',
      status: 'investigating',
    });
    expect(body.incident.incident_updates[0]?.body).toBe('Checkout is failing for some customers.');

    const log = await d.webhooks.deliveries(flaky.endpoint.id, 10);
    expect(log.map((l) => [l.attempt, l.statusCode, l.outcome])).toEqual([
      [3, 204, 'delivered'],
      [2, 500, 'retrying'],
      [1, 500, 'retrying'],
    ]);
    expect((await d.webhooks.get(gone.endpoint.id))?.disabledReason).toMatch(/410/);
  });

  it('refuses a private URL unless private networks are allowed, and a malformed one naming the field', async () => {
    const admin = { kind: 'user' as const, id: 'user-mgr', role: 'manager' as const };
    const strict = { ...notifications.deps, allowPrivate: false };
    await expect(
      createWebhookEndpoint(strict, admin, { url: 'http://127.0.0.1:6379/' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'url' }],
    });
    await expect(createWebhookEndpoint(strict, admin, { url: 'not a url' })).rejects.toMatchObject({
      details: [{ field: 'url', issue: 'must be an absolute http or https URL' }],
    });
  });
});

describe('PagerDuty', () => {
  it('triggers on open, acknowledges on mitigated, resolves on resolved, retrying a 429', async () => {
    pdAnswers = [429];
    await publish(keys.incidentsEvents, INCIDENT_EVENTS.created, 'INC-9', {
      incidentId: 'INC-9',
      title: 'Database failover',
      sev: 1,
      services: ['db'],
      status: 'open',
    });
    await waitFor('the trigger', () => pdEvents.length >= 2 || undefined);
    await publish(keys.incidentsEvents, INCIDENT_EVENTS.statusChanged, 'INC-9', {
      incidentId: 'INC-9',
      from: 'open',
      to: 'mitigated',
    });
    await waitFor('the acknowledge', () => pdEvents.length >= 3 || undefined);
    await publish(keys.incidentsEvents, INCIDENT_EVENTS.statusChanged, 'INC-9', {
      incidentId: 'INC-9',
      from: 'mitigated',
      to: 'resolved',
    });
    await waitFor('the resolve', () => pdEvents.length >= 4 || undefined);

    expect(pdEvents[0]).toEqual(pdEvents[1]); // the 429'd trigger, sent again as it was
    expect(pdEvents[1]).toMatchObject({
      routing_key: 'R0UTINGKEY0000000000000000000000',
      event_action: 'trigger',
      dedup_key: 'INC-9',
      payload: { summary: 'Database failover', severity: 'critical', source: 'polystatus', component: 'db' },
    });
    expect(pdEvents.slice(2)).toEqual([
      { routing_key: 'R0UTINGKEY0000000000000000000000', event_action: 'acknowledge', dedup_key: 'INC-9' },
      { routing_key: 'R0UTINGKEY0000000000000000000000', event_action: 'resolve', dedup_key: 'INC-9' },
    ]);
  });

  it("keeps one incident's events in order: an acknowledge waits for the trigger being retried", async () => {
    const from = pdEvents.length;
    pdAnswers = [429, 503];
    await publish(keys.incidentsEvents, INCIDENT_EVENTS.created, 'INC-10', {
      incidentId: 'INC-10',
      title: 'Queue backlog',
      sev: 2,
      services: ['queue'],
      status: 'open',
    });
    await publish(keys.incidentsEvents, INCIDENT_EVENTS.statusChanged, 'INC-10', {
      incidentId: 'INC-10',
      from: 'open',
      to: 'mitigated',
    });
    await waitFor('the acknowledge', () => pdEvents.length >= from + 4 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    // Without the lane the acknowledge would go out while the trigger waits for its retry, and PagerDuty would
    // open an alert that was already acknowledged.
    expect(pdEvents.slice(from).map((e) => e.event_action)).toEqual([
      'trigger',
      'trigger',
      'trigger',
      'acknowledge',
    ]);
    expect(await redis.exists(keys.notifyLane('pagerduty:INC-10'))).toBe(0);
  });
});
