import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; playwright-core never downloads browsers (npm registry + apt only). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Base URL of the server under test, set by scripts/e2e.mjs. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e suite with `npm run e2e`');
  return url.replace(/\/$/, '');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

export interface BrowserHandle {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught errors thrown in the page during the current test. */
  readonly pageErrors: readonly Error[];
}

/**
 * Call at the top of a spec file: one browser per file, a fresh context (no cookies, no storage)
 * per test, so tests cannot leak a session into each other.
 */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let errors: Error[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('browser did not launch');
    context = await browser.newContext({ baseURL: baseUrl(), locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    errors = [];
    page.on('pageerror', (err) => errors.push(err));
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });

  return {
    get page() {
      if (!page) throw new Error('no page: use it inside a test');
      return page;
    },
    get context() {
      if (!context) throw new Error('no context: use it inside a test');
      return context;
    },
    get pageErrors() {
      return errors;
    },
  };
}
