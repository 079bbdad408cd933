import { type PublicSnapshot, parseEvent } from '@polystatus/contracts';
import { envelopeFromFields } from '@polystatus/kit';
import { codeOf, fieldsOf, ok, testRedis } from '@polystatus/kit/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commsKeys } from '../keys.ts';
import { type CommsHarness, startComms } from '../testing/harness.ts';
import type { BannerDocument } from './render/banner.ts';

/**
 * The banner as rendered into the public snapshot by the real comms service: through an incident's lifecycle
 * (the all-clear expiring on its own), and the admin's manual banner appearing and disappearing at its times.
 */
const PUBLISH = `mutation($input: PublishAnnouncementInput!) { publishAnnouncement(input: $input) { id } }`;
const SET = `mutation($input: SetStatusBannerInput!) {
  setStatusBanner(input: $input) { id level title message link startsAt endsAt showing setById }
}`;
const admin = { role: 'admin' as const, id: 'u-admin' };
const responder = { role: 'responder' as const, id: 'u-responder' };

const redis = testRedis();
afterAll(() => redis.quit());

let comms: CommsHarness;
beforeEach(async () => {
  comms = await startComms({ env: { COMMS_BANNER_RESOLVED_SECONDS: '1' } });
});
afterEach(() => comms.close());

async function banner(): Promise<BannerDocument['banner'] | undefined> {
  const raw = await redis.get(commsKeys(comms.prefix).publicSnapshot);
  if (!raw) return undefined;
  const doc = (JSON.parse(raw) as PublicSnapshot).documents.find((d) => d.path === '/api/v1/public/banner');
  return (JSON.parse(doc!.body) as BannerDocument).banner;
}
const publish = (state: string, message: string) =>
  comms.gql(PUBLISH, { input: { incidentId: 'INC-BANNER', state, message } }, responder).then(ok);

describe('the rendered banner', () => {
  it('follows an incident: none, investigating, resolved (an all-clear), then none again on its own', async () => {
    await expect.poll(banner).toBeNull();
    comms.incidents.set({ id: 'INC-BANNER', title: 'Payments failing', sev: 1 });
    await publish('INVESTIGATING', 'We are looking into failed card payments.');
    expect(await banner()).toMatchObject({
      id: 'INC-BANNER',
      kind: 'incident',
      level: 'critical',
      state: 'investigating',
      title: 'Payments failing',
      message: 'We are looking into failed card payments.',
    });
    await publish('RESOLVED', 'Payments work again.');
    expect(await banner()).toMatchObject({
      level: 'resolved',
      state: 'resolved',
      message: 'Payments work again.',
    });
    // COMMS_BANNER_RESOLVED_SECONDS=1: the page renders again when the all-clear expires, with no change.
    await expect.poll(banner, { timeout: 5_000 }).toBeNull();
    const pub = ok(await comms.gql<{ publicBanner: unknown }>('{ publicBanner { id } }', {}, null));
    expect(pub.publicBanner).toBeNull();
  });

  it('shows a manual banner from its start to its end, readable by admins and public through GraphQL', async () => {
    const now = Date.now();
    const set = ok(
      await comms.gql<{ setStatusBanner: { id: string; showing: boolean; setById: string } }>(
        SET,
        {
          input: {
            level: 'MAINTENANCE',
            title: 'Planned database upgrade',
            message: 'Read-only for ten minutes.\nThanks for your patience.',
            link: 'https://blog.example.com/upgrade',
            startsAt: new Date(now + 1_000).toISOString(),
            endsAt: new Date(now + 2_500).toISOString(),
          },
        },
        admin,
      ),
    ).setStatusBanner;
    expect(set).toMatchObject({ showing: false, setById: 'u-admin' });
    expect(await banner()).toBeNull();
    await expect.poll(banner, { timeout: 5_000 }).toMatchObject({
      id: set.id,
      kind: 'notice',
      level: 'maintenance',
      title: 'Planned database upgrade',
      message: 'Read-only for ten minutes.\nThanks for your patience.',
      url: 'https://blog.example.com/upgrade',
    });
    const pub = ok(
      await comms.gql<{ publicBanner: { id: string; level: string; kind: string } }>(
        '{ publicBanner { id level kind alsoActive } }',
        {},
        null,
      ),
    );
    expect(pub.publicBanner).toMatchObject({ id: set.id, level: 'MAINTENANCE', kind: 'NOTICE' });
    await expect.poll(banner, { timeout: 5_000 }).toBeNull();
    expect(
      ok(await comms.gql<{ statusBanner: { showing: boolean } }>('{ statusBanner { showing } }', {}, admin))
        .statusBanner.showing,
    ).toBe(false);
  });

  it('can be cleared at once; only admins set, read or clear it; bad input names its fields', async () => {
    ok(await comms.gql(SET, { input: { level: 'INFO', title: 'Heads-up' } }, admin));
    expect(await banner()).toMatchObject({ level: 'info', title: 'Heads-up', message: null });
    expect(codeOf(await comms.gql(SET, { input: { level: 'INFO', title: 'x' } }, responder))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await comms.gql('{ statusBanner { id } }', {}, responder))).toBe('FORBIDDEN');
    const bad = await comms.gql(
      SET,
      {
        input: {
          level: 'INFO',
          title: ' ',
          link: 'javascript:alert(1)',
          endsAt: new Date(Date.now() - 1000).toISOString(),
        },
      },
      admin,
    );
    expect(fieldsOf(bad).sort()).toEqual(['endsAt', 'link', 'title']);
    expect(
      ok(await comms.gql<{ clearStatusBanner: boolean }>('mutation { clearStatusBanner }', {}, admin)),
    ).toEqual({ clearStatusBanner: true });
    expect(await banner()).toBeNull();
    expect(ok(await comms.gql('mutation { clearStatusBanner }', {}, admin))).toEqual({
      clearStatusBanner: false,
    });
  });

  it('audits every set and clear: contract events on the domain stream, listed newest first for admins', async () => {
    const first = ok(
      await comms.gql<{ setStatusBanner: { id: string } }>(
        SET,
        {
          input: { level: 'MAINTENANCE', title: 'Database upgrade tonight', link: 'https://example.com/db' },
        },
        admin,
      ),
    ).setStatusBanner.id;
    const second = ok(
      await comms.gql<{ setStatusBanner: { id: string } }>(
        SET,
        { input: { level: 'MAJOR', title: 'Upgrade overrunning', message: 'Writes are paused.' } },
        { role: 'admin', id: 'u-other-admin' },
      ),
    ).setStatusBanner.id;
    ok(await comms.gql('mutation { clearStatusBanner }', {}, admin));
    // Nothing to clear: nothing audited.
    ok(await comms.gql('mutation { clearStatusBanner }', {}, admin));

    const entries = await redis.xrange(commsKeys(comms.prefix).events, '-', '+');
    const audit = entries
      .map(([, fields]) => envelopeFromFields(fields))
      .filter((e) => e.type.startsWith('banner.'))
      .map((e) => parseEvent('comms', e));
    expect(audit.map((e) => [e.type, e.subject, e.actor])).toEqual([
      ['banner.set', first, 'u-admin'],
      ['banner.set', second, 'u-other-admin'],
      ['banner.cleared', second, 'u-admin'],
    ]);
    expect(audit[1]!.data).toMatchObject({ level: 'major', replacedId: first, endsAt: null });

    const HISTORY = `query($first: Int, $after: ID) { statusBannerHistory(first: $first, after: $after) {
      cursor action at actorId bannerId title level message link replacedId
    } }`;
    type Change = { cursor: string; action: string; actorId: string; bannerId: string; level: string | null };
    const page1 = ok(
      await comms.gql<{ statusBannerHistory: Change[] }>(HISTORY, { first: 2 }, admin),
    ).statusBannerHistory;
    expect(page1.map((c) => [c.action, c.bannerId, c.actorId, c.level])).toEqual([
      ['CLEARED', second, 'u-admin', null],
      ['SET', second, 'u-other-admin', 'MAJOR'],
    ]);
    const page2 = ok(
      await comms.gql<{ statusBannerHistory: Change[] }>(
        HISTORY,
        { first: 2, after: page1[1]!.cursor },
        admin,
      ),
    ).statusBannerHistory;
    expect(page2).toMatchObject([
      { action: 'SET', bannerId: first, title: 'Database upgrade tonight', link: 'https://example.com/db' },
    ]);
    expect(codeOf(await comms.gql(HISTORY, {}, responder))).toBe('FORBIDDEN');
    expect(fieldsOf(await comms.gql(HISTORY, { first: 0 }, admin))).toEqual(['first']);
  });
});
