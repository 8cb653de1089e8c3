import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type Provider from 'oidc-provider';
import { z } from 'zod';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/demo-accounts';
import { loginPage, messagePage } from '../pages';
import { recordLoginFailure, requestContext, type SessionDeps } from '../session.service';
import { INTERACTION_PATH } from './provider';

export const PASSWORD_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

const credentialsSchema = z.object({ username: z.string().max(200), password: z.string().max(200) });

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Checks a demo account's password; returns the matching account or why not, never the input. */
export function checkDemoCredentials(username: string, password: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username.trim().toLowerCase());
  const passwordOk = sameSecret(password, DEMO_PASSWORD);
  return account && passwordOk ? ({ ok: true, account } as const) : ({ ok: false, userId: account?.userId ?? null } as const);
}

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
export async function registerInteractionRoutes(app: FastifyInstance, provider: Provider, deps: SessionDeps): Promise<void> {
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
        const parsed = credentialsSchema.safeParse(request.body);
        const outcome = parsed.success ? checkDemoCredentials(parsed.data.username, parsed.data.password) : ({ ok: false, userId: null } as const);
        const action = `${INTERACTION_PATH}/${interaction.uid}/login`;
        if (!outcome.ok) {
          await recordLoginFailure(deps, requestContext(request, deps.clock), { reason: 'invalid_credentials', userId: outcome.userId, stage: 'password' });
          return reply.type('text/html').send(loginPage({ action, error: 'De gebruikersnaam of het wachtwoord is onjuist. Controleer uw invoer en probeer het opnieuw.' }));
        }
        const returnTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: outcome.account.username } }, { mergeWithLastSubmission: false });
        return reply.redirect(returnTo, 303);
      },
    );
  });
}
