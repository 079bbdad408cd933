import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Where each browser test leaves a picture of its final state (CI keeps .data/ with the test results). */
export const SCREENSHOTS = join(ROOT, '.data', 'screenshots');

/** Debian's Chromium (`.ci/run` installs the `chromium` package); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A real Chromium, headless, with a fresh profile: nothing from an earlier run (cookies, storage) leaks in, and
 * nothing reaches the network on its own (no updates, sync, QUIC probing). `javaScriptEnabled: false` is a
 * visitor without script (the public page's no-script paths).
 */
export async function launchChromium(opts: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'polystatus-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves the page as `.data/screenshots/<name>.png` and says where, so the test output lists it. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // From the top: a page scrolled by the test would show its sticky top bar across the middle of the picture.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${relative(ROOT, path)}`);
  return path;
}

/** How long a browser test waits for something that arrives live (a subscription event, a navigation). */
export const LIVE = { timeout: 10_000 };

/** Opens the dashboard at `web` signed in: through the login form, or at once when the tab restores a session. */
export async function signIn(
  page: Page,
  web: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${web}/`);
  const dashboard = page.getByRole('heading', { name: 'Incidents' });
  const login = page.getByRole('heading', { name: 'Sign in' });
  await dashboard.or(login).waitFor(LIVE);
  if (await dashboard.isVisible()) return;
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await dashboard.waitFor(LIVE);
}
