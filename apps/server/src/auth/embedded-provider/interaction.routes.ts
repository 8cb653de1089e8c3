import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type Provider from 'oidc-provider';
import { text } from '@hoeder/contracts';
import { z } from 'zod';
import type { AppConfig } from '../../config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/demo-accounts';
import { deriveKey } from '../cookies';
import { accountKey, attemptPassword } from '../login-backoff';
import { loginPage, messagePage } from '../pages';
import { recordLoginFailure, requestContext, type SessionDeps } from '../session.service';
import { INTERACTION_PATH } from './provider';

export const PASSWORD_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** The password is never trimmed, stored or logged; it is only compared. */
const credentialsSchema = z.object({ username: text({ max: 200, line: true }), password: z.string().max(200) });

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const demoAccount = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username.trim().toLowerCase());

/** Checks a demo account's password; returns the matching account or why not, never the input. */
export function checkDemoCredentials(username: string, password: string) {
  const account = demoAccount(username);
  const passwordOk = sameSecret(password, DEMO_PASSWORD);
  return account && passwordOk ? ({ ok: true, account } as const) : ({ ok: false, userId: account?.userId ?? null } as const);
}

const WRONG_CREDENTIALS = 'De gebruikersnaam of het wachtwoord is onjuist. Controleer uw invoer en probeer het opnieuw.';
/** The same for every username, existing or not: the back-off must not tell which accounts exist. */
const BLOCKED = 'Te veel mislukte pogingen met deze gebruikersnaam. Wacht enkele minuten en probeer het dan opnieuw.';

const expiredPage = () =>
  messagePage({ title: 'Inlogpoging verlopen', message: 'Deze inlogpoging is verlopen of niet meer geldig. Begin opnieuw.' });

/** The interaction the provider's cookie names, if it is the one in the URL. */
async function currentInteraction(provider: Provider, request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) {
  try {
    const interaction = await provider.interactionDetails(request.raw, reply.raw);
    return interaction.uid === request.params.uid ? interaction : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The embedded provider's login page: a real username/password form checked against the demo
 * accounts. On success the provider continues the authorisation request it paused.
 */
export async function registerInteractionRoutes(app: FastifyInstance, provider: Provider, deps: SessionDeps & { config: Pick<AppConfig, 'oidc'> }): Promise<void> {
  const backoffSecret = deriveKey(deps.config, 'login-backoff');
  await app.register(async (scope) => {
    // Only this form posts url-encoded; the body is small and parsed here, nowhere else.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.get<{ Params: { uid: string } }>(`${INTERACTION_PATH}/:uid`, { schema: { hide: true } }, async (request, reply) => {
      const interaction = await currentInteraction(provider, request, reply);
      if (!interaction || interaction.prompt.name !== 'login') return reply.code(400).type('text/html').send(expiredPage());
      return reply.type('text/html').send(loginPage({ action: `${INTERACTION_PATH}/${interaction.uid}/login` }));
    });

    scope.post<{ Params: { uid: string } }>(
      `${INTERACTION_PATH}/:uid/login`,
      { config: { rateLimit: PASSWORD_RATE_LIMIT }, schema: { hide: true } },
      async (request, reply) => {
        const interaction = await currentInteraction(provider, request, reply);
        if (!interaction || interaction.prompt.name !== 'login') return reply.code(400).type('text/html').send(expiredPage());
        const action = `${INTERACTION_PATH}/${interaction.uid}/login`;
        const ctx = requestContext(request, deps.clock);
        const parsed = credentialsSchema.safeParse(request.body);
        if (!parsed.success) {
          await recordLoginFailure(deps, ctx, { reason: 'invalid_credentials', userId: null, stage: 'password' });
          return reply.type('text/html').send(loginPage({ action, error: WRONG_CREDENTIALS }));
        }
        const { username, password } = parsed.data;
        const attempt = await attemptPassword(deps, ctx, {
          key: accountKey(backoffSecret, username),
          knownUserId: demoAccount(username)?.userId ?? null,
          check: () => checkDemoCredentials(username, password),
        });
        if (attempt.outcome !== 'ok') {
          const blocked = attempt.outcome === 'blocked';
          return reply.code(blocked ? 429 : 200).type('text/html').send(loginPage({ action, error: blocked ? BLOCKED : WRONG_CREDENTIALS }));
        }
        const returnTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: attempt.account.username } }, { mergeWithLastSubmission: false });
        return reply.redirect(returnTo, 303);
      },
    );
  });
}
