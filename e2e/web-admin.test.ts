import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/launcher/ports.ts';
import { type Browser, LIVE, launchChromium, screenshot, signIn } from './support/browser.ts';
import { graphql, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The web app's administration and resilience in a real Chromium against the whole stack: webhook endpoints
 * (secret shown once, a delivery to a local receiver in the log, redelivery, disable, delete); components, a
 * group and a maintenance moved through its states as the public page shows them; the incident room's live
 * timeline surviving a dropped WebSocket (banner, reconnect, the missed entry replayed from its cursor); the
 * public subscribe form without script; and a viewer's read-only incident room. Each test saves a screenshot of
 * where it ended (.data/screenshots/).
 */
interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

let stack: Stack;
let browser: Browser;
let web: string;
let token = '';
let outbox = '';
let receiver: Server;
let receiverUrl = '';
const deliveries: Delivery[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/polystatus`;
  // Subscriptions send a confirmation mail: to a directory of this run, not the repository's .data/outbox.
  outbox = await mkdtemp(join(tmpdir(), 'e2e-web-admin-outbox-'));
  const port = await freePort();
  web = `http://127.0.0.1:${port}`;
  stack = await startStack({
    web: true,
    env: { WEB_PORT: String(port), CORS_ORIGINS: web, NOTIFY_OUTBOX_DIR: outbox, NOTIFY_POLL_MS: '100' },
  });
  browser = await launchChromium();
  const login = await graphql(
    stack.graphqlUrl,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: stack.admin.email, p: stack.admin.password },
  );
  token = login.data.login.accessToken;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  receiver?.closeAllConnections();
  receiver?.close();
  if (outbox) await rm(outbox, { recursive: true, force: true });
});

const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Json> => {
  const res = await graphql(stack.graphqlUrl, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
};

const createIncident = async (title: string): Promise<string> =>
  (
    await gql('mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }', {
      input: { title, sev: 2 },
    })
  ).createIncident.id;

/** Marks the document, so a later check can tell that what changed on screen came without a reload. */
const markDocument = (page: Page) => page.evaluate('window.__notReloaded = true');
const stillSameDocument = (page: Page) => page.evaluate('window.__notReloaded === true');

/** `datetime-local`'s value for `ms`, in the browser's (and so this process's) local time. */
const localInput = (ms: number) => {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The public page's HTML as a visitor without script gets it. */
const publicHtml = () => fetch(`${web}/status`).then((r) => r.text());

describe('web app: administration and resilience', () => {
  it('creates a webhook endpoint, shows its delivery log, redelivers, disables and deletes it', async () => {
    const page = await browser.context.newPage();
    await signIn(page, web, stack.admin);
    await page.goto(`${web}/admin/webhooks`);
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor(LIVE);
    await page.getByText('No webhook endpoint yet.').waitFor(LIVE);

    const create = page.getByRole('form', { name: 'New webhook endpoint' });
    await create.getByLabel('URL').fill(receiverUrl);
    await create.getByLabel('Description (optional)').fill('Chat bridge');
    await create.getByRole('button', { name: 'Create endpoint' }).click();
    const shown = page.getByTestId('webhook-secret');
    await shown.waitFor(LIVE);
    const secret = (await shown.textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const endpoint = page.locator('.endpoint', { hasText: receiverUrl });
    await endpoint.waitFor(LIVE);
    expect(await endpoint.textContent()).not.toContain(secret);
    // Shown once: the page read afresh lists the endpoint without it.
    await page.reload();
    await endpoint.waitFor(LIVE);
    expect(await page.content()).not.toContain(secret);

    // A public update is one of the events an endpoint receives, signed with the secret the page showed.
    const incidentId = await createIncident(`Webhook delivery ${Date.now()}`);
    const message = `Checkout fails for some customers (${Date.now()}).`;
    await gql('mutation($input: PublishAnnouncementInput!) { publishAnnouncement(input: $input) { id } }', {
      input: { incidentId, state: 'INVESTIGATING', message },
    });
    await expect.poll(() => deliveries.some((d) => d.body.includes(message)), LIVE).toBe(true);
    const delivered = deliveries.find((d) => d.body.includes(message))!;
    const payload = new Webhook(secret).verify(delivered.body, delivered.headers as Record<string, string>);
    expect((payload as Json).incident.id).toBe(incidentId);
    const messageId = delivered.headers['webhook-id'] as string;

    await endpoint.getByRole('button', { name: 'Delivery log' }).click();
    const log = endpoint.locator('.delivery-log');
    const first = log.getByRole('row').filter({ has: page.locator(`code[title="${messageId}"]`) });
    await first.first().waitFor(LIVE);
    expect(await first.first().textContent()).toMatch(/204.*delivered/);

    await log
      .getByRole('button', { name: `Redeliver message ${messageId}` })
      .first()
      .click();
    await log.getByText('Queued to send again').waitFor(LIVE);
    await expect
      .poll(() => deliveries.filter((d) => d.headers['webhook-id'] === messageId).length, LIVE)
      .toBe(2);
    // The log is read on demand: the manual attempt is there once it is read again.
    await expect
      .poll(async () => {
        await log.getByRole('button', { name: 'Reload' }).click();
        return log.getByText('(manual)').count();
      }, LIVE)
      .toBeGreaterThan(0);
    await screenshot(page, 'web-admin-webhooks');

    await endpoint.getByRole('button', { name: 'Disable' }).click();
    await endpoint.getByRole('button', { name: 'Enable' }).waitFor(LIVE);
    await endpoint.getByText(/^disabled ·/).waitFor(LIVE);

    page.once('dialog', (dialog) => void dialog.accept());
    await endpoint.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No webhook endpoint yet.').waitFor(LIVE);
    const left = await gql('{ webhookEndpoints { id } }');
    expect(left.webhookEndpoints).toEqual([]);
    await page.close();
  });

  it('adds a component in a group and moves a maintenance through its states, as the public page shows', async () => {
    const page = await browser.context.newPage();
    await signIn(page, web, stack.admin);
    await page.goto(`${web}/admin/status-page`);
    await page.getByRole('heading', { name: 'Components & maintenance' }).waitFor(LIVE);

    const group = `Payments ${Date.now()}`;
    const newGroup = page.getByRole('form', { name: 'New component group' });
    await newGroup.getByLabel('Group name').fill(group);
    await newGroup.getByRole('button', { name: 'Add group' }).click();
    const newComponent = page.getByRole('form', { name: 'New component', exact: true });
    // The new group becomes a choice of the component form without a reload.
    await newComponent
      .getByLabel('Group')
      .locator('option', { hasText: group })
      .waitFor({
        ...LIVE,
        state: 'attached',
      });
    const component = `Card API ${Date.now()}`;
    await newComponent.getByLabel('Name').fill(component);
    await newComponent.getByLabel('Description').fill('Card authorisations');
    await newComponent.getByLabel('Group').selectOption({ label: group });
    await newComponent.getByRole('button', { name: 'Add component' }).click();
    const row = page.locator('.component-admin-list li', { hasText: component });
    await row.getByText(group).waitFor(LIVE);

    const name = `Database upgrade ${Date.now()}`;
    const schedule = page.getByRole('form', { name: 'Schedule maintenance' });
    await schedule.getByLabel('Name').fill(name);
    await schedule.getByLabel('From').fill(localInput(Date.now() + 3_600_000));
    await schedule.getByLabel('Until').fill(localInput(Date.now() + 7_200_000));
    await schedule.getByLabel('Message').fill('Card payments may be slow for a few minutes.');
    await schedule.getByLabel(component).check();
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    const maintenance = page.locator('.component-admin-list li', { hasText: name });
    await maintenance.getByText('scheduled', { exact: true }).waitFor(LIVE);

    // The visitor's page shows it, then follows each move without a reload.
    const visitor = await browser.context.newPage();
    await visitor.goto(`${web}/status`);
    const shown = visitor.locator('.public-incident.maintenance', { hasText: name });
    await shown.getByText('Scheduled').waitFor(LIVE);
    // What the admin told the public, and what it affects, named as the component list names it.
    await shown.getByText('Card payments may be slow for a few minutes.').waitFor(LIVE);
    await shown.getByText(`Affects: ${group} · ${component}`).waitFor(LIVE);
    await visitor.locator('.public-components').getByText(`${group} · ${component}`).waitFor(LIVE);
    await visitor.locator('[data-live="live"]').waitFor(LIVE);
    await markDocument(visitor);

    await maintenance.getByLabel('Update message (optional)').fill('Started; failover in progress.');
    await maintenance.getByRole('button', { name: 'Start now' }).click();
    await maintenance.getByText('in progress', { exact: true }).waitFor(LIVE);
    await shown.getByText('In progress').waitFor(LIVE);
    // Its component is under maintenance while it runs (the overall state also counts the other tests' incidents).
    const status = visitor
      .locator('.public-component', { hasText: component })
      .locator('.public-component-status');
    await status.getByText('Under maintenance').waitFor(LIVE);

    await maintenance.getByRole('button', { name: 'Verifying' }).click();
    await maintenance.getByText('verifying', { exact: true }).waitFor(LIVE);
    await shown.getByText('Verifying').waitFor(LIVE);
    // The message stays while it runs (the steps' own updates do not replace it).
    await shown.getByText('Card payments may be slow for a few minutes.').waitFor(LIVE);
    expect(await stillSameDocument(visitor)).toBe(true);
    await screenshot(visitor, 'web-public-maintenance');

    await maintenance.getByRole('button', { name: 'Complete' }).click();
    await maintenance.getByText('completed', { exact: true }).waitFor(LIVE);
    await shown.waitFor({ ...LIVE, state: 'detached' });
    await status.getByText('Operational').waitFor(LIVE);
    // And the server's rendering agrees, for a visitor without script.
    await expect.poll(async () => (await publicHtml()).includes(name), LIVE).toBe(false);
    expect(await publicHtml()).toContain(component);
    await screenshot(page, 'web-admin-status-page');
    await visitor.close();
    await page.close();
  });

  it('sets, replaces and takes down the status banner, with its history naming who did what', async () => {
    const me = (await gql('{ me { name } }')).me as { name: string };
    const page = await browser.context.newPage();
    await signIn(page, web, stack.admin);
    await page.goto(`${web}/admin/banner`);
    await page.getByRole('heading', { name: 'Status banner' }).waitFor(LIVE);
    const form = page.getByRole('form', { name: 'Set the banner' });

    // A bad link is refused with the field named, and nothing is set.
    await form.getByLabel('Level').selectOption({ label: 'Maintenance' });
    await form.getByLabel('Title').fill('Database failover tonight');
    await form.getByLabel('Message').fill('Writes pause for about a minute at 22:00 UTC.');
    await form.getByLabel('Details link').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Set banner' }).click();
    await form.locator('#banner-link-error').waitFor(LIVE);
    expect((await gql('{ statusBanner { id } }')).statusBanner).toBeNull();

    await form.getByLabel('Details link').fill('https://example.com/failover');
    await form.getByRole('button', { name: 'Set banner' }).click();
    const current = page.getByTestId('banner-current');
    await current.getByText('Database failover tonight').waitFor(LIVE);
    await current.getByText('Maintenance', { exact: true }).waitFor(LIVE);
    await current.getByText(`set by ${me.name}`, { exact: false }).waitFor(LIVE);
    const set = (await gql('{ statusBanner { level title link showing } }')).statusBanner;
    expect(set).toEqual({
      level: 'MAINTENANCE',
      title: 'Database failover tonight',
      link: 'https://example.com/failover',
      showing: true,
    });

    // Another one replaces it; taking it down leaves none. The history lists all three, newest first.
    await form.getByLabel('Level').selectOption({ label: 'Notice' });
    await form.getByLabel('Title').fill('Failover done');
    await form.getByRole('button', { name: 'Set banner' }).click();
    await current.getByText('Failover done').waitFor(LIVE);
    await current.getByRole('button', { name: 'Take down' }).click();
    await page.getByText('No banner set.').waitFor(LIVE);
    const history = page.getByTestId('banner-history').locator('li');
    await history.filter({ hasText: 'taken down' }).first().waitFor(LIVE);
    const entries = (await history.allTextContents()).slice(0, 3);
    expect(entries[0]).toMatch(/^taken down Failover done/);
    expect(entries[1]).toMatch(/^set Failover done/);
    expect(entries[2]).toMatch(/^set Database failover tonight/);
    for (const entry of entries) expect(entry).toContain(`by ${me.name}`);
    await screenshot(page, 'web-admin-banner');
    await page.close();
  });

  it('shows a banner while the live connection is down and replays the missed entry when it returns', async () => {
    const title = `Socket drop ${Date.now()}`;
    const incidentId = await createIncident(title);
    const room = await browser.context.newPage();

    // Every socket to the gateway goes through here, so the test can drop it, and refuse new ones, at will.
    const sockets = new Set<WebSocketRoute>();
    const sent: Array<{ at: number; message: Json }> = [];
    let down = false;
    await room.routeWebSocket(/\/graphql$/, (ws) => {
      if (down) {
        // As a gateway restarting would answer: graphql-ws retries after 1012.
        void ws.close({ code: 1012, reason: 'test: connection refused' });
        return;
      }
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        sent.push({ at: Date.now(), message: JSON.parse(String(m)) });
        server.send(m);
      });
      sockets.add(ws);
    });
    const timelineQueries: number[] = [];
    room.on('request', (req) => {
      if (req.method() === 'POST' && req.postData()?.includes('TimelinePage'))
        timelineQueries.push(Date.now());
    });

    await signIn(room, web, stack.admin);
    await room.goto(`${web}/incidents/${incidentId}`);
    await room.getByRole('heading', { name: title }).waitFor(LIVE);
    const timeline = room.getByTestId('timeline');
    await timeline.locator('li').first().waitFor(LIVE);
    const before = `Before the drop (${Date.now()})`;
    await gql(
      'mutation($id: ID!, $input: TimelineNoteInput!) { addTimelineEvent(incidentId: $id, input: $input) { id } }',
      {
        id: incidentId,
        input: { type: 'NOTE', message: before },
      },
    );
    await timeline.getByText(before).waitFor(LIVE);
    await markDocument(room);

    down = true;
    expect(sockets.size).toBeGreaterThan(0);
    for (const ws of sockets) await ws.close({ code: 1012, reason: 'test: connection lost' });
    sockets.clear();
    const banner = room.getByTestId('live-banner');
    await banner.waitFor(LIVE);
    expect(await banner.textContent()).toMatch(/disconnected/i);

    const missed = `Added while disconnected (${Date.now()})`;
    await gql(
      'mutation($id: ID!, $input: TimelineNoteInput!) { addTimelineEvent(incidentId: $id, input: $input) { id } }',
      {
        id: incidentId,
        input: { type: 'UPDATE', message: missed },
      },
    );
    await screenshot(room, 'web-live-banner');
    const restoredAt = Date.now();
    down = false;

    await timeline.getByText(missed).waitFor(LIVE);
    await banner.waitFor({ ...LIVE, state: 'detached' });
    expect(await stillSameDocument(room)).toBe(true);
    // Replayed by the resumed subscription, from the cursor it had reached, not by reading the timeline again.
    const resumed = sent.filter(
      (s) =>
        s.at >= restoredAt &&
        s.message.type === 'subscribe' &&
        s.message.payload.operationName === 'IncidentTimeline',
    );
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed[0]!.message.payload.variables.after).toEqual(expect.any(String));
    expect(timelineQueries.filter((at) => at >= restoredAt)).toEqual([]);
    // Once, in order.
    expect(await timeline.getByText(missed).count()).toBe(1);
    const messages = await timeline.locator('.timeline-message').allTextContents();
    expect(messages.indexOf(missed)).toBeGreaterThan(messages.indexOf(before));
    await screenshot(room, 'web-live-resumed');
    await room.close();
  });

  it('takes an email subscription from the public page without script, answering with a redirect back', async () => {
    const noScript = await launchChromium({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${web}/status`);
      await page.getByRole('heading', { name: 'Get updates by email' }).waitFor(LIVE);
      // Nothing will connect without script, so the page does not say it is connecting.
      expect(await page.locator('[data-live]').getAttribute('data-live')).toBe('static');

      // An empty address comes back with the reason under the field.
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await page.waitForURL(/subscribe_error=/, LIVE);
      const email = page.getByLabel('Email', { exact: true });
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#subscribe-email-error').textContent()).toMatch(/email/i);

      await email.fill(`no-script-${Date.now()}@example.com`);
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await page.waitForURL(/\/status\?subscribed=1#subscribe$/, LIVE);
      await page.getByText('Check your inbox').waitFor(LIVE);
      expect(new URL(page.url()).origin).toBe(web);
      await screenshot(page, 'web-public-subscribe-no-script');
    } finally {
      await noScript.close();
    }
  });

  it('shows a viewer the incident room without any write control, and no admin page in the menu', async () => {
    const viewer = {
      email: `viewer-${Date.now()}@e2e.polystatus.test`,
      password: `pw-${Date.now()}-long-enough`,
    };
    await gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { name: 'Vera Viewer', email: viewer.email, role: 'VIEWER', password: viewer.password },
    });
    const title = `Read only ${Date.now()}`;
    const incidentId = await createIncident(title);
    await gql('mutation($input: PublishAnnouncementInput!) { publishAnnouncement(input: $input) { id } }', {
      input: { incidentId, state: 'INVESTIGATING', message: 'We are looking into it.' },
    });

    // The session cookie belongs to a browser profile: the viewer gets one of their own.
    const own = await launchChromium();
    try {
      const page = await own.context.newPage();
      await signIn(page, web, viewer);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Dashboard' }).waitFor(LIVE);
      const links = await nav.getByRole('link').allTextContents();
      expect(links).toEqual([
        'Dashboard',
        'My action items',
        'Public status page',
        'Wallboard',
        'GraphQL playground',
      ]);

      await page.goto(`${web}/incidents/${incidentId}`);
      await page.getByRole('heading', { name: title }).waitFor(LIVE);
      const main = page.locator('main');
      await main.getByTestId('timeline').locator('li').first().waitFor(LIVE);
      await main.getByTestId('announcements').getByText('We are looking into it.').waitFor(LIVE);
      await main.getByTestId('roles').waitFor(LIVE);
      // Read everything, change nothing: no status change, commander, entry, announcement, kill switch, role,
      // action item or postmortem control, and no button or field at all.
      for (const heading of ['Status', 'Commander', 'Kill switches', 'Publish an update'])
        expect(await main.getByRole('heading', { name: heading, exact: true }).count()).toBe(0);
      expect(await main.getByRole('form').count()).toBe(0);
      expect(await main.locator('button, input, select, textarea').count()).toBe(0);
      await screenshot(page, 'web-viewer-incident-room');

      // Typed in by hand, an admin page says why it shows nothing.
      await page.goto(`${web}/admin/webhooks`);
      await page.getByText('This page needs the manager role; you are signed in as viewer.').waitFor(LIVE);
    } finally {
      await own.close();
    }
  });
});
