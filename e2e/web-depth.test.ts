import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/launcher/ports.ts';
import { type Browser, LIVE, launchChromium, screenshot, signIn } from './support/browser.ts';
import { graphql } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * Incident response in depth and feature flags in a real Chromium against the whole stack: acknowledging,
 * assigning a response role and tracking an action item in the incident room, seen live by another tab; a flag
 * created on the admin page (the server's refusal shown under the field it names), then pulled as a kill switch
 * from an incident, whose MITIGATION entry appears live in the room and whose state changes live on the admin
 * page. Each test saves a screenshot of where it ended (.data/screenshots/).
 */
let stack: Stack;
let browser: Browser;
let web: string;

beforeAll(async () => {
  const port = await freePort();
  web = `http://127.0.0.1:${port}`;
  stack = await startStack({ web: true, env: { WEB_PORT: String(port), CORS_ORIGINS: web } });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Person = { email: string; password: string };

/** Declares an incident through the form and returns the room's address. */
async function declare(page: Page, title: string, as: Person = stack.admin): Promise<string> {
  await signIn(page, web, as);
  await page.goto(`${web}/incidents/new`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Affected services').fill('checkout');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  await page.waitForURL(/\/incidents\/INC-/, LIVE);
  return page.url();
}

/** A new enabled user with `role`, created by the stack's admin through the gateway. */
async function createPerson(role: 'RESPONDER' | 'VIEWER'): Promise<Person> {
  const login = await graphql(
    stack.graphqlUrl,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: stack.admin.email, p: stack.admin.password },
  );
  const person = {
    email: `${role.toLowerCase()}-${Date.now()}@e2e.polystatus.test`,
    password: `pw-${Date.now()}-long-enough`,
  };
  const created = await graphql(
    stack.graphqlUrl,
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { name: `Riley ${role.toLowerCase()}`, email: person.email, role, password: person.password } },
    login.data.login.accessToken,
  );
  expect(created.errors).toBeUndefined();
  return person;
}

const yesterday = () => {
  const d = new Date(Date.now() - 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('web app: incident response and flags', () => {
  it('acknowledges, assigns a role and tracks an overdue action item; another tab sees each live', async () => {
    const author = await browser.context.newPage();
    const title = `Payments timeouts ${Date.now()}`;
    const room = await declare(author, title);
    const watcher = await browser.context.newPage();
    await watcher.goto(room);
    await watcher.getByRole('heading', { name: title }).waitFor(LIVE);
    await watcher.getByText('Not acknowledged yet.').waitFor(LIVE);
    const board = await browser.context.newPage();
    await signIn(board, web, stack.admin);
    const unacknowledged = board.getByTestId('count-unacknowledged');
    await board.getByTestId('open-list').getByText(title).waitFor(LIVE);
    const before = Number(await unacknowledged.textContent());

    await author.getByRole('button', { name: 'Acknowledge' }).click();
    await author.getByTestId('acknowledgement').getByText('Acknowledged by').waitFor(LIVE);
    await watcher.getByTestId('acknowledgement').getByText('Acknowledged by').waitFor(LIVE);
    // The dashboard's live feed carries the acknowledgement too.
    await expect.poll(async () => Number(await unacknowledged.textContent()), LIVE).toBe(before - 1);
    await board.close();

    await author.getByLabel('Role', { exact: true }).selectOption('SCRIBE');
    await author.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
    const scribe = (await author
      .getByLabel('Person', { exact: true })
      .locator('option')
      .nth(1)
      .textContent())!.replace(/ \(.*\)$/, '');
    await author.getByRole('button', { name: 'Assign role' }).click();
    const roles = watcher.getByTestId('roles');
    await roles.getByRole('button', { name: `Remove ${scribe} as scribe` }).waitFor(LIVE);

    const task = `Alert on payment-gateway p99 above 2 s (${Date.now()})`;
    const form = author.getByRole('form', { name: 'New action item' });
    await form.getByLabel('Action item', { exact: true }).fill(task);
    await form.getByLabel('Owner', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Due date (optional)').fill(yesterday());
    await form.getByRole('button', { name: 'Create action item' }).click();
    // The other tab learns of it from the live timeline's ACTION_ITEM_CREATED entry.
    const item = watcher.getByTestId('action-items').locator('li', { hasText: task });
    await item.waitFor(LIVE);
    await item.getByText('overdue').waitFor(LIVE);
    await watcher.getByTestId('timeline').getByText(task).first().waitFor(LIVE);
    await screenshot(watcher, 'web-incident-response');
    // Readable on a phone: one column, nothing wider than the screen.
    await watcher.setViewportSize({ width: 390, height: 844 });
    expect(await watcher.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(watcher, 'web-incident-response-phone');

    // The owner's own list: overdue first, and a status change moves it out at once.
    await author.goto(`${web}/action-items`);
    const overdue = author.getByTestId('overdue-items').locator('li', { hasText: task });
    await overdue.waitFor(LIVE);
    await overdue.getByLabel(/^Status of/).selectOption('IN_PROGRESS');
    await expect.poll(() => overdue.getByLabel(/^Status of/).inputValue(), LIVE).toBe('IN_PROGRESS');
    await screenshot(author, 'web-my-action-items');

    // The dashboard's response times count the incident acknowledged above (MTTA over the last 30 days).
    await author.goto(`${web}/`);
    const stats = author.getByTestId('response-stats');
    const all = stats.getByRole('row', { name: /^All/ });
    await all.waitFor(LIVE);
    expect(Number(await all.locator('td').first().textContent())).toBeGreaterThanOrEqual(1);
    await stats.getByLabel('Period').selectOption('7');
    await stats.getByText(/started in the last 7 days/).waitFor(LIVE);
    await screenshot(author, 'web-dashboard-response-times');
    await author.close();
    await watcher.close();
  });

  it('creates a flag on the admin page; a responder pulls it as a kill switch from an incident, seen live', async () => {
    const admin = await browser.context.newPage();
    await signIn(admin, web, stack.admin);
    await admin.goto(`${web}/admin/flags`);
    await admin.getByRole('heading', { name: 'Feature flags' }).waitFor(LIVE);
    await admin.getByRole('button', { name: 'New flag' }).click();

    // The flags domain refuses the key and the message lands under the Key field.
    await admin.getByLabel('Key', { exact: true }).fill('not a key!');
    await admin.getByRole('button', { name: 'Create flag' }).click();
    await admin.locator('#flag-key-error').waitFor(LIVE);
    expect(await admin.getByLabel('Key', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    const key = `checkout-v2-${Date.now()}`;
    await admin.getByLabel('Key', { exact: true }).fill(key);
    await admin.getByLabel('Description (optional)').fill('The new checkout flow');
    await admin.getByLabel('Flag is on').check();
    await admin.getByRole('button', { name: 'Add a rule' }).click();
    await admin.getByLabel('Rule 1 attribute').fill('role');
    await admin.getByLabel('Rule 1 operator').selectOption('in');
    await admin.getByLabel('Rule 1 value').fill('admin, manager');
    await screenshot(admin, 'web-flag-editor');
    await admin.getByRole('button', { name: 'Create flag' }).click();
    const toggle = admin.getByRole('switch', { name: `${key} on` });
    await toggle.waitFor(LIVE);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    // The responder signs in in a browser of their own (the session cookie is per browser profile). They may not
    // read flag definitions, so the admin page is not offered; the incident room's kill switches are.
    const responderBrowser = await launchChromium();
    const responder = await responderBrowser.context.newPage();
    const room = await declare(responder, `Checkout 500s ${Date.now()}`, await createPerson('RESPONDER'));
    expect(await responder.getByRole('link', { name: 'Feature flags' }).count()).toBe(0);
    const watcher = await browser.context.newPage();
    await watcher.goto(room);
    await watcher.getByTestId('timeline').locator('li').first().waitFor(LIVE);

    const switches = responder.getByTestId('kill-switches');
    await switches.getByRole('button', { name: `Turn ${key} off` }).click();
    await switches.getByRole('button', { name: 'Confirm: turn off' }).click();
    await switches.getByText(`${key} turned off; recorded on the timeline.`).waitFor(LIVE);

    const entry = watcher.getByTestId('timeline').locator('li.type-mitigation', { hasText: key });
    await entry.waitFor(LIVE);
    expect(await entry.textContent()).toMatch(/turned off/);
    // That entry also tells the other tab's kill switches to read the flags again.
    await watcher
      .getByTestId('kill-switches')
      .getByRole('button', { name: `Turn ${key} on` })
      .waitFor(LIVE);
    // The admin page follows `flagChanged`: the switch flips without a reload.
    await expect.poll(() => toggle.getAttribute('aria-checked'), LIVE).toBe('false');
    await screenshot(watcher, 'web-kill-switch-timeline');

    await admin.getByRole('button', { name: `Audit log of ${key}` }).click();
    await admin.getByTestId('flag-audit').getByText('kill switch from').waitFor(LIVE);
    await screenshot(admin, 'web-flags-admin');
    await responderBrowser.close();
    await watcher.close();
    await admin.close();
  });
});
