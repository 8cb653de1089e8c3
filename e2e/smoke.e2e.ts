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

  it('sends an anonymous visitor from / to the login page, without errors and without accessibility violations', async () => {
    // The app learns from GET /api/me that nobody is signed in and then navigates to the login;
    // axe runs once that navigation has landed, never on a page that is going away.
    const res = await b.page.goto('/', { waitUntil: 'commit' });
    expect(res?.status() ?? 0).toBeLessThan(400);
    await b.page.getByLabel('Gebruikersnaam').waitFor();
    await b.page.waitForLoadState('networkidle');
    await expectNoAxeViolations(b.page, 'login page');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});
