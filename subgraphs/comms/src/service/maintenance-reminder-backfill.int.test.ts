import { COMMS_EVENTS } from '@polystatus/contracts';
import { envelopeFromFields } from '@polystatus/kit';
import { cleanupPrefix, ok, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { commsKeys } from '../keys.ts';
import { type CommsHarness, startComms } from '../testing/harness.ts';

/**
 * Maintenances scheduled before reminders existed never entered the reminder index (it is filled when one is
 * scheduled or moved). The scheduler puts them back when it starts, through the real comms service on a clock
 * the test moves: each is reminded once, and one already reminded is not put back.
 */

const HOUR = 3_600_000;
const prefix = uniquePrefix('comms-reminder-backfill');
const keys = commsKeys(prefix);
const redis = testRedis();
const T0 = Date.now();
let now = T0;
const running: CommsHarness[] = [];

const start = async () => {
  const comms = await startComms({
    prefix,
    env: { COMMS_MAINTENANCE_REMINDER_MINUTES: '60' },
    service: { clock: () => now },
  });
  running.push(comms);
  return comms;
};

afterAll(async () => {
  for (const c of running) await c.close();
  await cleanupPrefix(prefix);
  redis.disconnect();
});

const schedule = async (comms: CommsHarness, name: string, from: number) =>
  ok(
    await comms.gql<{ scheduleMaintenance: { id: string } }>(
      `mutation($input: ScheduleMaintenanceInput!) { scheduleMaintenance(input: $input) { id } }`,
      {
        input: {
          name,
          componentIds: [],
          scheduledFor: new Date(from).toISOString(),
          scheduledUntil: new Date(from + HOUR).toISOString(),
        },
      },
    ),
  ).scheduleMaintenance.id;

async function reminded(): Promise<string[]> {
  return (await redis.xrange(keys.events, '-', '+'))
    .map(([, fields]) => envelopeFromFields(fields))
    .filter((e) => e.type === COMMS_EVENTS.maintenanceReminder)
    .map((e) => e.subject)
    .sort();
}

describe('reminder backfill', () => {
  it('reminds once of maintenances missing from the reminder index, and never puts back one reminded', async () => {
    const first = await start();
    const legacy = await schedule(first, 'Scheduled before reminders', T0 + 3 * HOUR);
    const current = await schedule(first, 'Scheduled since', T0 + 3 * HOUR);
    const past = await schedule(first, 'Started meanwhile', T0 + 90 * 60_000);
    // As the data of a version without reminders looks: no index entry at all.
    await first.close();
    expect(await redis.zrem(keys.maintenanceReminders, legacy, past)).toBe(2);
    // `past` has started meanwhile: it owes nothing. The other two start within the hour.
    now = T0 + 2 * HOUR + 15 * 60_000;

    // A new process's scheduler backfills on its first tick as lease holder.
    await start();
    await expect.poll(reminded, { timeout: 10_000 }).toEqual([current, legacy].sort());
    expect(await redis.zcard(keys.maintenanceReminders)).toBe(0);

    // Another start finds nothing owed: no entry put back, no second reminder.
    await running.at(-1)!.close();
    await start();
    await new Promise((r) => setTimeout(r, 800));
    expect(await redis.zcard(keys.maintenanceReminders)).toBe(0);
    expect(await reminded()).toEqual([current, legacy].sort());
  });
});
