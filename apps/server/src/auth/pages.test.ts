import { describe, expect, it } from 'vitest';
import { continuePage, loginPage, messagePage } from './pages';

describe('login-flow pages', () => {
  it('continues after an external issuer with a same-site meta refresh, no script', () => {
    const html = continuePage('/zaken?x=1&y="2"');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/zaken?x=1&amp;y=&quot;2&quot;">');
    expect(html).toContain('<a href="/zaken?x=1&amp;y=&quot;2&quot;">');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes what it shows and stays Dutch', () => {
    expect(messagePage({ title: 'Geen <toegang>', message: 'x' })).toContain('<h1>Geen &lt;toegang&gt;</h1>');
    const form = loginPage({ action: '/oidc/interaction/a"b/login', error: 'Onjuist' });
    expect(form).toContain('action="/oidc/interaction/a&quot;b/login"');
    expect(form).toContain('<html lang="nl">');
    expect(form).toContain('aria-describedby="login-error"');
  });
});
