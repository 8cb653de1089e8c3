/**
 * The few server-rendered pages of the login flow, in Dutch. No inline script or style: the
 * content security policy forbids both, so the look comes from one stylesheet on this origin.
 */
export const AUTH_CSS_PATH = '/auth/assets/auth.css';

export const AUTH_CSS = `
:root { color-scheme: light; }
body { margin: 0; font-family: "RijksoverheidSans", Verdana, Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #f3f3f3; }
.banner { background: #154273; color: #ffffff; padding: 0.75rem 1.5rem; font-weight: bold; }
main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #ffffff; border: 1px solid #b4b4b4; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; color: #154273; }
label { display: block; font-weight: bold; margin-top: 1rem; }
input { display: block; width: 100%; box-sizing: border-box; margin-top: 0.25rem; padding: 0.5rem; font: inherit; color: #1a1a1a; background: #ffffff; border: 2px solid #535353; border-radius: 0; }
button, .button { display: inline-block; margin-top: 1.5rem; padding: 0.6rem 1.25rem; font: inherit; font-weight: bold; color: #ffffff; background: #154273; border: 2px solid #154273; cursor: pointer; text-decoration: none; }
button:hover, .button:hover { background: #0b2a4d; }
a { color: #154273; }
:focus-visible { outline: 3px solid #ca005d; outline-offset: 2px; }
input:focus-visible { outline: 3px solid #ca005d; outline-offset: 0; }
.error { margin: 1rem 0; padding: 0.75rem 1rem; border-left: 6px solid #d52b1e; background: #fbe9e7; color: #1a1a1a; }
.note { margin-top: 1.5rem; font-size: 0.875rem; color: #404040; }
`;

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function layout(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Hoeder</title>
<link rel="stylesheet" href="${AUTH_CSS_PATH}">
${head}
</head>
<body>
<header class="banner">Hoeder – stelsel beveiligen van personen</header>
<main>
${body}
</main>
</body>
</html>`;
}

/** The embedded demo provider's sign-in form. `error` is shown above the form and announced. */
export function loginPage(opts: { action: string; error?: string }): string {
  const errorBlock = opts.error ? `<p class="error" id="login-error" role="alert">${escapeHtml(opts.error)}</p>` : '';
  const describedBy = opts.error ? ' aria-describedby="login-error"' : '';
  return layout(
    'Inloggen',
    `<h1>Inloggen bij Hoeder</h1>
${errorBlock}
<form method="post" action="${escapeHtml(opts.action)}" novalidate>
<label for="username">Gebruikersnaam</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required${describedBy}>
<label for="password">Wachtwoord</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Inloggen</button>
</form>
<p class="note">Demonstratieomgeving: alleen synthetische gegevens en demo-accounts.</p>`,
  );
}

/** A page that explains why login did not succeed and offers a way to start again. */
export function messagePage(opts: { title: string; message: string; retry?: boolean }): string {
  const retry = opts.retry === false ? '' : `<p><a class="button" href="/auth/login">Opnieuw inloggen</a></p>`;
  return layout(opts.title, `<h1>${escapeHtml(opts.title)}</h1>\n<p>${escapeHtml(opts.message)}</p>\n${retry}`);
}

/**
 * Sends the browser on from the callback with a same-site navigation of its own. After a
 * cross-site redirect chain (external issuer) browsers withhold SameSite=Strict cookies; a
 * navigation started by this page carries them. Meta refresh needs no script, so the CSP holds.
 */
export function continuePage(target: string): string {
  const href = escapeHtml(target);
  return layout(
    'Ingelogd',
    `<h1>U bent ingelogd</h1>\n<p><a href="${href}">Ga verder naar Hoeder</a></p>`,
    `<meta http-equiv="refresh" content="0;url=${href}">`,
  );
}
