import type { AddressInfo } from 'node:net';
import { COMMS_EVENTS, parseEvent } from '@polystatus/contracts';
import { envelopeFromFields } from '@polystatus/kit';
import { cleanupPrefix, ok, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commsKeys } from '../keys.ts';
import { type CommsHarness, startComms } from '../testing/harness.ts';

/**
 * The reminder before a maintenance starts, through the real comms service (two replicas sharing one prefix,
 * their schedulers ticking every 100 ms on a clock the test moves) to a real SMTP server: sent once at its
 * time to the confirmed subscribers of the maintenance's components, following a maintenance that moves,
 * never for one completed early, and never twice across a replica taking the scheduler over.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;

interface ReceivedMail {
  to: string[];
  raw: string;
}
const mails: ReceivedMail[] = [];
let smtp: SMTPServer;

const prefix = uniquePrefix('comms-reminder');
const keys = commsKeys(prefix);
const redis = testRedis();
const T0 = Date.now();
let now = T0;
const clock = () => now;
const replicas: CommsHarness[] = [];

const start = async () => {
  const replica = await startComms({
    prefix,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      COMMS_MAINTENANCE_REMINDER_MINUTES: '60',
      NOTIFY_POLL_MS: '50',
    },
    service: { clock },
  });
  replicas.push(replica);
  return replica;
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
});

afterAll(async () => {
  for (const r of replicas) await r.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await cleanupPrefix(prefix);
  redis.disconnect();
});

const header = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(raw.replace(/\r\n[ \t]+/g, ' '))?.[1]?.trim();
const subjects = (address: string) =>
  mails.filter((m) => m.to.includes(address)).map((m) => header(m.raw, 'Subject') ?? '');
const reminders = (address: string) => subjects(address).filter((s) => s.includes('Reminder'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The `maintenance.reminder` events on the comms stream, each checked against the contract. */
async function reminderEvents() {
  const entries = await redis.xrange(keys.events, '-', '+');
  return entries
    .map(([, fields]) => envelopeFromFields(fields))
    .filter((e) => e.type === COMMS_EVENTS.maintenanceReminder)
    .map((e) => parseEvent('comms', e));
}

async function subscribe(comms: CommsHarness, email: string, componentIds: string[], confirm: boolean) {
  ok(
    await comms.gql(
      `mutation($input: SubscribeEmailInput!) { subscribeEmail(input: $input) { accepted } }`,
      { input: { email, componentIds } },
      { kind: 'anonymous' },
    ),
  );
  if (!confirm) return;
  await expect.poll(() => subjects(email).length, { timeout: 10_000 }).toBe(1);
  const body = mails
    .find((m) => m.to.includes(email))!
    .raw.replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const token = decodeURIComponent(/confirm\?token=([^\s]+)/.exec(body)![1]!);
  ok(
    await comms.gql(
      `mutation($token: String!) { confirmEmailSubscription(token: $token) { id } }`,
      { token },
      { kind: 'anonymous' },
    ),
  );
}

const component = async (comms: CommsHarness, name: string) =>
  ok(
    await comms.gql<{ createComponent: { id: string } }>(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
      { input: { name } },
    ),
  ).createComponent.id;

const schedule = async (comms: CommsHarness, name: string, componentIds: string[], from: number) =>
  ok(
    await comms.gql<{ scheduleMaintenance: { id: string } }>(
      `mutation($input: ScheduleMaintenanceInput!) { scheduleMaintenance(input: $input) { id } }`,
      {
        input: {
          name,
          componentIds,
          scheduledFor: new Date(from).toISOString(),
          scheduledUntil: new Date(from + HOUR).toISOString(),
        },
      },
    ),
  ).scheduleMaintenance.id;

describe('maintenance reminders', () => {
  it('reminds the subscribers of its components once, at the lead before its (moved) start', async () => {
    const first = await start();
    const db = await component(first, 'Database');
    const cdn = await component(first, 'CDN');
    await subscribe(first, 'everything@example.com', [], true);
    await subscribe(first, 'db@example.com', [db], true);
    await subscribe(first, 'cdn@example.com', [cdn], true);
    await subscribe(first, 'pending@example.com', [], false);

    const upgrade = await schedule(first, 'Database upgrade', [db], T0 + 3 * HOUR);
    const cancelled = await schedule(first, 'CDN migration', [cdn], T0 + 3 * HOUR);
    // Everyone concerned hears of both as scheduled (the baseline the reminder comes on top of).
    await expect.poll(() => subjects('everything@example.com').length, { timeout: 10_000 }).toBe(3);
    await expect.poll(() => subjects('cdn@example.com').length, { timeout: 10_000 }).toBe(2);
    expect(
      subjects('db@example.com').some((s) => s.includes('Scheduled maintenance: Database upgrade')),
    ).toBe(true);
    // The upgrade moves two hours later; the migration is called off (completed before it started).
    ok(
      await first.gql(
        `mutation($id: ID!, $input: UpdateMaintenanceInput!) { updateMaintenance(id: $id, input: $input) { id } }`,
        {
          id: upgrade,
          input: {
            scheduledFor: new Date(T0 + 5 * HOUR).toISOString(),
            scheduledUntil: new Date(T0 + 6 * HOUR).toISOString(),
          },
        },
      ),
    );
    ok(
      await first.gql(
        `mutation($id: ID!) { changeMaintenanceStatus(id: $id, status: COMPLETED, message: "Called off.") { id } }`,
        { id: cancelled },
      ),
    );
    // The migration's subscribers hear it is over (its status change), then nothing more until the reminder.
    await expect.poll(() => subjects('cdn@example.com').length, { timeout: 10_000 }).toBe(3);
    await expect.poll(() => subjects('everything@example.com').length, { timeout: 10_000 }).toBe(4);
    const before = mails.length;

    // Inside the hour before the old start: nothing, neither for the moved one nor the called-off one.
    now = T0 + 2 * HOUR + 30 * MINUTE;
    await sleep(600);
    expect(await reminderEvents()).toEqual([]);

    // A second replica joins; whichever holds the lease reminds, once.
    const second = await start();
    now = T0 + 4 * HOUR + 15 * MINUTE;
    await expect.poll(() => reminders('db@example.com').length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => reminders('everything@example.com').length, { timeout: 10_000 }).toBe(1);
    const mail = mails.find((m) => m.to.includes('db@example.com') && /Reminder/.test(m.raw))!;
    expect(header(mail.raw, 'Subject')).toBe(
      '[PolyStatus] Reminder: maintenance starts in 45 minutes: Database upgrade',
    );
    expect(header(mail.raw, 'List-Unsubscribe')).toMatch(/^<http.+\/unsubscribe\?token=.+>$/);
    expect(header(mail.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const events = await reminderEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: upgrade,
      actor: 'system:comms',
      data: {
        maintenanceId: upgrade,
        status: 'scheduled',
        componentIds: [db],
        scheduledFor: new Date(T0 + 5 * HOUR).toISOString(),
        startsInMinutes: 45,
      },
    });

    // The first replica stops; the other takes the lease over while the window is still open, and an index
    // entry put back (as a replica that died between reading and writing would leave it) is dropped unsent.
    await first.close();
    await redis.zadd(keys.maintenanceReminders, T0 + 5 * HOUR, upgrade);
    now = T0 + 4 * HOUR + 30 * MINUTE;
    await expect.poll(() => redis.zcard(keys.maintenanceReminders), { timeout: 5_000 }).toBe(0);
    await sleep(500);
    expect(await reminderEvents()).toHaveLength(1);
    expect(reminders('db@example.com')).toHaveLength(1);
    expect(reminders('everything@example.com')).toHaveLength(1);
    expect(reminders('cdn@example.com')).toEqual([]);
    expect(subjects('pending@example.com')).toHaveLength(1); // its confirmation only
    expect(mails.length - before).toBe(2);
    expect(second.prefix).toBe(prefix);
  });
});
