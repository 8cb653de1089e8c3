import { DEMO_PASSWORD } from '../../demo/demo-accounts';

export interface LoggedIn {
  /** The session cookie as a request header value, e.g. `hoeder_session=...`. */
  cookie: string;
  csrfToken: string;
  me: { userId: string; displayName: string; roles: string[]; organisation: string; clearance: string; csrfToken: string };
}

/** A minimal cookie jar for one host: enough for the login flow, which sets few cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  constructor(initial?: string) {
    for (const pair of initial?.split(';') ?? []) {
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '') < new Date()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

const MAX_HOPS = 12;

/** Follows redirects by hand (fetch's own following drops cookies) until a non-redirect answer. */
export async function follow(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<{ response: Response; url: URL }> {
  let current = url;
  let request = init;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const response = await fetch(current, { ...request, redirect: 'manual', headers: { ...(request.headers as Record<string, string>), cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
    await response.body?.cancel();
    current = new URL(location, current);
    request = {};
  }
  throw new Error(`login did not finish within ${MAX_HOPS} redirects`);
}

/** Starts a login and follows it to the provider's form; returns the page and where it posts. */
export async function openLoginForm(baseUrl: string, jar: CookieJar): Promise<{ html: string; status: number; action: URL }> {
  const form = await follow(jar, new URL('/auth/login', baseUrl));
  const html = await form.response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form (status ${form.response.status})`);
  return { html, status: form.response.status, action: new URL(action.replaceAll('&amp;', '&'), form.url) };
}

export const submitLoginForm = (jar: CookieJar, action: URL, username: string, password: string) =>
  follow(jar, action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });

/**
 * Logs in through the real authorisation-code flow of a listening server's embedded provider:
 * /auth/login → provider → login form → POST credentials → provider → /auth/callback. Throws when
 * the form does not accept the credentials. `options.cookie` starts from a browser that already
 * holds cookies (e.g. an earlier session).
 */
export async function loginAs(baseUrl: string, username: string, password = DEMO_PASSWORD, options: { cookie?: string } = {}): Promise<LoggedIn> {
  const jar = new CookieJar(options.cookie);
  const { action } = await openLoginForm(baseUrl, jar);
  const done = await submitLoginForm(jar, action, username, password);
  await done.response.body?.cancel();
  const session = jar.get('hoeder_session');
  if (!session || session === new CookieJar(options.cookie).get('hoeder_session')) throw new Error(`login as ${username} failed (status ${done.response.status} at ${done.url.pathname})`);
  const cookie = `hoeder_session=${session}`;
  const meResponse = await fetch(new URL('/api/me', baseUrl), { headers: { cookie } });
  if (!meResponse.ok) throw new Error(`/api/me answered ${meResponse.status} after login`);
  const me = (await meResponse.json()) as LoggedIn['me'];
  return { cookie, csrfToken: me.csrfToken, me };
}
