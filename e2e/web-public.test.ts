import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/launcher/ports.ts';
import { fixture } from '../subgraphs/csp/src/formats/testing/fixtures.ts';
import { type FeedServer, startFeedServer } from '../subgraphs/csp/src/testing/feed-server.ts';
import { type Browser, LIVE, launchChromium, screenshot, signIn } from './support/browser.ts';
import { graphql } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The public side of the web app and the provider wallboard in a real Chromium against the whole stack: the
 * public status page, rendered on the server from rest-comms's snapshot, updates by itself (anonymous socket)
 * when an announcement is published from the incident room; the wallboard shows the events of providers whose
 * status pages this test serves from the csp fixtures over local HTTP (one registered through the admin page),
 * a new upstream incident appears without reload, and the cause graph draws the declared dependency. Each test
 * saves a screenshot of where it ended (.data/screenshots/).
 */
let stack: Stack;
let browser: Browser;
let feeds: FeedServer;
let web: string;
let token = '';

beforeAll(async () => {
  const port = await freePort();
  web = `http://127.0.0.1:${port}`;
  feeds = await startFeedServer();
  stack = await startStack({
    web: true,
    env: { WEB_PORT: String(port), CORS_ORIGINS: web, CSP_TICK_MS: '200' },
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
  await feeds?.close();
});

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await graphql(stack.graphqlUrl, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
};

/** Marks the document, so a later check can tell that what changed on screen came without a reload. */
const markDocument = (page: Page) => page.evaluate('window.__notReloaded = true');
const stillSameDocument = (page: Page) => page.evaluate('window.__notReloaded === true');

describe('web app: public status page and provider wallboard', () => {
  it('renders the public page on the server and updates it live when the incident room publishes', async () => {
    const component = `Checkout API ${Date.now()}`;
    await gql('mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }', {
      input: { name: component },
    });

    // The first paint is server-rendered HTML: readable with no script at all.
    await expect
      .poll(async () => (await fetch(`${web}/status`).then((r) => r.text())).includes(component), LIVE)
      .toBe(true);
    const html = await fetch(`${web}/status`).then((r) => r.text());
    expect(html).toContain('All Systems Operational');
    expect(html).toContain('Get updates by email');

    // Anyone's view: the public page never signs in, and its socket carries no token.
    const visitor = await browser.context.newPage();
    await visitor.goto(`${web}/status`);
    await visitor.getByRole('heading', { name: 'All Systems Operational' }).waitFor(LIVE);
    await visitor.locator('[data-live="live"]').waitFor(LIVE);
    await markDocument(visitor);

    const responder = await browser.context.newPage();
    await signIn(responder, web, stack.admin);
    const title = `Checkout errors ${Date.now()}`;
    await responder.goto(`${web}/incidents/new`);
    await responder.getByLabel('Title').fill(title);
    await responder.getByLabel('Affected services').fill('checkout');
    await responder.getByRole('button', { name: 'Declare incident' }).click();
    await responder.waitForURL(/\/incidents\/INC-/, LIVE);

    const message = `Card payments fail for some customers; we are rolling back (${Date.now()}).`;
    const publish = responder.getByRole('form', { name: 'Publish a public update' });
    await publish.getByLabel('State').selectOption('IDENTIFIED');
    await publish.getByLabel('Public message').fill(message);
    await publish.getByLabel(new RegExp(`^${component}`)).selectOption('MAJOR_OUTAGE');
    await publish.getByRole('button', { name: 'Publish update' }).click();
    const history = responder.getByTestId('announcements');
    await history.getByText(message).waitFor(LIVE);
    await history.getByText('Major outage').waitFor(LIVE);
    await screenshot(responder, 'web-incident-announcement');

    // The visitor's page follows by itself: the incident, its latest word, the component and the overall state.
    const active = visitor.getByTestId('active-incidents');
    await active.getByText(message).waitFor(LIVE);
    await active.getByText(title).waitFor(LIVE);
    await visitor.getByRole('heading', { name: 'Major System Outage' }).waitFor(LIVE);
    expect(await stillSameDocument(visitor)).toBe(true);

    // Subscribing by email works from the page (double opt-in: always the same answer).
    await visitor.getByLabel('Email', { exact: true }).fill(`reader-${Date.now()}@example.com`);
    await visitor.getByRole('button', { name: 'Subscribe' }).click();
    await visitor.getByText('Check your inbox').waitFor(LIVE);
    await screenshot(visitor, 'web-public-status');

    // Readable on a phone: nothing wider than the screen.
    await visitor.setViewportSize({ width: 390, height: 844 });
    expect(await visitor.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(visitor, 'web-public-status-phone');
    await visitor.close();
    await responder.close();
  });

  it('shows provider events from local status pages on the wallboard, live, with the cause graph', async () => {
    const github = JSON.parse(
      fixture('statuspage/github-summary-2022-11-25-active-incident.json').toString(),
    );
    const openai = JSON.parse(
      fixture('statuspage/openai-summary-2026-09-29-active-incidentio.json').toString(),
    );
    feeds.set('/github/api/v2/summary.json', { body: JSON.stringify(github) });
    feeds.set('/openai/api/v2/summary.json', { body: JSON.stringify(openai) });

    const admin = await browser.context.newPage();
    await signIn(admin, web, stack.admin);
    await admin.goto(`${web}/admin/providers`);
    const register = admin.getByRole('form', { name: 'Register a provider' });
    await register.getByLabel('Name').fill('github');
    await register.getByLabel('Feed type').selectOption('STATUSPAGE');
    await register.getByLabel('Feed URL').fill(`${feeds.url}/github/api/v2/summary.json`);
    await register.getByRole('button', { name: 'Register provider' }).click();
    await admin.getByRole('status').getByText('is registered').waitFor(LIVE);
    // A second provider declared to run on the first: the graph's declared edge.
    await gql('mutation($input: RegisterProviderInput!) { registerProvider(input: $input) { id } }', {
      input: {
        name: 'openai',
        feedUrl: `${feeds.url}/openai/api/v2/summary.json`,
        type: 'STATUSPAGE',
        dependsOn: ['github'],
      },
    });
    // The feed's health after a poll made now from the page.
    const row = admin.getByRole('row', { name: /^github/ });
    await row.getByRole('button', { name: 'Refresh github now' }).click();
    await row.getByText(/new, \d+ updated|Nothing new/).waitFor(LIVE);
    await expect.poll(() => row.getByRole('cell').nth(3).textContent(), LIVE).not.toBe('never');
    await screenshot(admin, 'web-admin-providers');

    const board = await browser.context.newPage();
    await board.goto(`${web}/wallboard`);
    const githubTile = board.locator('[data-provider="github"]');
    await githubTile.getByText(github.incidents[0].name).waitFor(LIVE);
    await board.locator('[data-provider="openai"]').getByText(openai.incidents[0].name).waitFor(LIVE);
    const graph = board.getByTestId('cause-graph');
    await graph.getByText('github → openai: declared').waitFor(LIVE);
    await markDocument(board);

    // A new upstream incident, read at the next poll, reaches the wallboard through cspEventChanged.
    const outage = `Actions runs are delayed (${Date.now()})`;
    const now = new Date().toISOString();
    github.incidents.push({
      ...github.incidents[0],
      id: `e2e${Date.now()}`,
      name: outage,
      impact: 'critical',
      created_at: now,
      updated_at: now,
      started_at: now,
      incident_updates: [
        { ...github.incidents[0].incident_updates[0], id: `u${Date.now()}`, body: 'We are investigating.' },
      ],
    });
    feeds.set('/github/api/v2/summary.json', { body: JSON.stringify(github) });
    await gql('mutation { refreshProvider(id: "github") { created error } }');
    await githubTile.getByText(outage).waitFor(LIVE);
    await githubTile.getByText('Major outage').waitFor(LIVE);
    expect(await stillSameDocument(board)).toBe(true);
    await screenshot(board, 'web-wallboard');
    await board.close();
    await admin.close();
  });
});
