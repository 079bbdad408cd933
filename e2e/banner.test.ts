import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin } from '../bench/support/graphql.ts';
import { type Browser, launchChromium, screenshot } from './support/browser.ts';
import { call, graphql, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The status banner, the widget and the badges through the whole stack: the banner API over an incident's
 * lifecycle, a plain HTML page (served by a tiny server here, another origin) embedding the widget in a real
 * Chromium that shows and hides the banner live with markup shown as text, and badges that parse as XML and
 * change colour with the component's status.
 */

let stack: Stack;
let token = '';
let rest = '';
let browser: Browser;
let site: Server;
let siteUrl = '';

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const { data, errors } = await graphql(stack.graphqlUrl, query, variables, token);
  if (errors?.length) throw new Error(JSON.stringify(errors));
  return data as Json;
};
const banner = async () => (await call('GET', `${rest}/api/v1/public/banner`)).body.banner;

async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  stack = await startStack({
    env: {
      RATE_LIMIT_PER_SECOND: '0',
      COMMS_PAGE_URL: 'https://status.example.com',
      // The all-clear of a resolved incident lasts 2 s here instead of 10 minutes.
      COMMS_BANNER_RESOLVED_SECONDS: '2',
    },
  });
  token = (await loginAdmin(stack)).auth.authorization!.slice('Bearer '.length);
  rest = stack.urls['rest-comms']!;
  // A customer's site: one plain page on another origin, embedding the widget with one script tag.
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Acme shop</title></head>
<body style="font-family: sans-serif; margin: 0; min-height: 400px">
<header style="padding: 16px 24px; background: #f2f4f7"><strong>Acme shop</strong></header>
<main style="padding: 24px"><h1>Welcome</h1><p>Products, prices and the rest of a normal page.</p></main>
<script src="${rest}/widget.js" async data-position="bottom"></script>
</body></html>`);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  await stack?.stop();
});

describe('GET /api/v1/public/banner', () => {
  it('is empty, then the investigating incident, then its all-clear, then empty again; cacheable, no token', async () => {
    expect(await eventually('a first snapshot', banner, (b) => b !== undefined)).toBeNull();
    const first = await call('GET', `${rest}/api/v1/public/banner`);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('cache-control')).toContain('max-age=15');
    const etag = first.headers.get('etag')!;
    expect(
      (await call('GET', `${rest}/api/v1/public/banner`, { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);

    const id = (
      await gql('mutation { createIncident(input: { title: "Card payments failing", sev: 2 }) { id } }')
    ).createIncident.id as string;
    const announce = (state: string, message: string) =>
      call('POST', `${rest}/api/v1/public/announce`, { token, body: { incident_id: id, state, message } });
    expect((await announce('investigating', 'We are looking into failed card payments.')).status).toBe(201);
    // The adapter learns of each rendering from the comms stream: a read right after a write may be one behind.
    const investigating = await eventually('the announcement', banner, (b) => b?.message != null);
    expect(investigating).toMatchObject({
      id,
      kind: 'incident',
      level: 'major',
      state: 'investigating',
      title: 'Card payments failing',
      message: 'We are looking into failed card payments.',
      url: `https://status.example.com/incidents/${id}`,
    });
    const during = await call('GET', `${rest}/api/v1/public/banner`, { headers: { 'if-none-match': etag } });
    expect(during.status).toBe(200);

    expect((await announce('resolved', 'Card payments work again.')).status).toBe(201);
    expect(await eventually('the all-clear', banner, (b) => b?.state === 'resolved')).toMatchObject({
      id,
      level: 'resolved',
      message: 'Card payments work again.',
    });
    expect(await eventually('the all-clear to expire', banner, (b) => b === null, 10_000)).toBeNull();
  });
});

describe('the embeddable widget', () => {
  const shown = (page: Page) => page.locator('[data-polystatus-banner]');

  it('shows a banner live on a plain page, as text only, and hides it live when it is taken down', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).origin));
    await page.goto(siteUrl);
    await page.waitForFunction(() => document.readyState === 'complete');
    // All is well: the widget says nothing.
    await page.waitForTimeout(500);
    expect(await shown(page).count()).toBe(0);

    const xss = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await gql('mutation($input: SetStatusBannerInput!) { setStatusBanner(input: $input) { id } }', {
      input: {
        level: 'CRITICAL',
        title: `Checkout is down ${xss}`,
        message: `Orders cannot be placed right now. ${xss}`,
      },
    });
    await shown(page).waitFor({ state: 'visible', timeout: 15_000 });
    const box = shown(page);
    expect(await box.getAttribute('role')).toBe('alert');
    expect(await box.getAttribute('data-polystatus-banner')).toBe('critical');
    const text = await box.textContent();
    expect(text).toContain('Checkout is down <img src=x onerror="window.__xss=1">');
    expect(text).toContain('<script>window.__xss=2</script>');
    // The markup stayed text: no element was created from it and nothing ran.
    expect(await page.locator('[data-polystatus-banner] img, [data-polystatus-banner] script').count()).toBe(
      0,
    );
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.getByRole('button', { name: 'Dismiss this status message' }).count()).toBe(1);
    await screenshot(page, 'widget-banner');

    await gql('mutation { clearStatusBanner }');
    await shown(page).waitFor({ state: 'detached', timeout: 15_000 });
    // Nothing but the page itself and the status server was asked for anything.
    expect(new Set(requests)).toEqual(new Set([new URL(siteUrl).origin, new URL(rest).origin]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('remembers a dismissal per banner', async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl);
    await gql(
      'mutation { setStatusBanner(input: { level: INFO, title: "New login page on Monday" }) { id } }',
    );
    await shown(page).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await shown(page).getAttribute('role')).toBe('status');
    await page.getByRole('button', { name: 'Dismiss this status message' }).click();
    expect(await shown(page).count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await shown(page).count()).toBe(0);
    // A new banner has a new id: it shows although the previous one was dismissed.
    await gql('mutation { setStatusBanner(input: { level: MAINTENANCE, title: "Upgrade tonight" }) { id } }');
    await shown(page).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await shown(page).textContent()).toContain('Upgrade tonight');
    await gql('mutation { clearStatusBanner }');
    await page.close();
  });
});

describe('badges', () => {
  it('parse as XML and change colour with the status; an unknown component is a 404 badge', async () => {
    const id = (await gql('mutation { createComponent(input: { name: "Payments API" }) { id } }'))
      .createComponent.id as string;
    const page = await browser.context.newPage();
    /** The badge parsed by Chromium's XML parser: its accessible label and the colour of its message. */
    const read = async (path: string) => {
      const res = await fetch(`${rest}${path}`);
      const svg = await res.text();
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        if (doc.getElementsByTagName('parsererror').length) return null;
        const rects = [...doc.querySelectorAll('g[clip-path] rect')];
        return {
          label: doc.documentElement.getAttribute('aria-label'),
          fill: rects[1]?.getAttribute('fill'),
        };
      }, svg);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        etag: res.headers.get('etag'),
        parsed,
      };
    };
    const green = await eventually(
      'the component badge',
      () => read(`/badge/${id}.svg`),
      (b) => b.status === 200,
    );
    expect(green).toMatchObject({
      type: 'image/svg+xml; charset=utf-8',
      parsed: { label: 'Payments API: operational', fill: '#4c1' },
    });
    expect((await read('/badge/payments-api.svg')).parsed).toEqual(green.parsed);
    expect((await read('/badge/overall.svg')).parsed?.fill).toBe('#4c1');

    const incident = (
      await gql('mutation { createIncident(input: { title: "Payments slow", sev: 3 }) { id } }')
    ).createIncident.id as string;
    await gql(`mutation($input: PublishAnnouncementInput!) { publishAnnouncement(input: $input) { id } }`, {
      input: {
        incidentId: incident,
        state: 'IDENTIFIED',
        message: 'Slow card authorisations.',
        impacts: [{ componentId: id, status: 'MAJOR_OUTAGE' }],
      },
    });
    const red = await eventually(
      'the badge to turn red',
      () => read(`/badge/${id}.svg`),
      (b) => b.parsed?.fill === '#e05d44',
    );
    expect(red.parsed?.label).toBe('Payments API: major outage');
    expect(red.etag).not.toBe(green.etag);
    expect((await read('/badge/overall.svg')).parsed?.fill).toBe('#e05d44');

    const unknown = await read('/badge/no-such-component.svg');
    expect(unknown).toMatchObject({
      status: 404,
      parsed: { label: 'status: unknown component', fill: '#9f9f9f' },
    });
    await page.close();
  });
});
