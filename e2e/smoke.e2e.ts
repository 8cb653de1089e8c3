import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { baseUrl, useBrowser } from './support/browser.js';

describe('smoke', () => {
  const b = useBrowser();

  it('GET /health answers 200 with JSON', async () => {
    const res = await fetch(`${baseUrl()}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type') ?? '').toContain('application/json');
    await res.json();
  });

  it('opens / in a browser without errors and without accessibility violations', async () => {
    const res = await b.page.goto('/', { waitUntil: 'networkidle' });
    expect(res?.status() ?? 0).toBeLessThan(400);
    const text = (await b.page.locator('body').innerText()).trim();
    // Until the web UI exists there is nothing to check for accessibility.
    if (text.length > 0) await expectNoAxeViolations(b.page, 'home page');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});
