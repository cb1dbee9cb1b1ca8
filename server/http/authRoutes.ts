import type { IncomingMessage } from 'node:http';
import type { CompanySignIn } from '../auth/CompanySignIn.ts';
import { signedInPersonId, type Sessions } from '../identity/Sessions.ts';
import type { AccountRepository } from '../identity/AccountRepository.ts';
import { log } from '../observability/log.ts';
import { meSchema, myBoardsSchema } from '../../shared/protocol/account.ts';
import { z } from 'zod';
import { apiRoute } from './apiRoute.ts';
import { errors, json, needs } from './openapiParts.ts';
import { readCookie, serializeCookie } from '../identity/cookies.ts';
import { HttpError, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';

export interface AuthRoutesDeps {
  /** Null when OIDC is not configured: the routes say sign-in is off. */
  readonly signIn: CompanySignIn | null;
  readonly sessions: Sessions;
  readonly accounts: AccountRepository;
  /** `https://board.example.com` (PUBLIC_URL); null = the request's own Host over http. */
  readonly publicUrl: string | null;
  readonly now?: () => number;
}

const ATTEMPT_COOKIE = 'jb_signin';
// Sent by our client on POST /auth/logout; a foreign page cannot add it without a CORS preflight, which /auth answers with nothing.
import { CSRF_HEADER } from '../../shared/protocol/account.ts';

/**
 * Company sign-in (docs/security.md, "Sessions and company sign-in"): `GET /auth/login`,
 * `GET /auth/callback`, `POST /auth/logout`, `GET /api/me`, `GET /api/me/boards`.
 */
export function registerAuthRoutes(app: HttpApp, deps: AuthRoutesDeps): void {
  const secure = deps.publicUrl?.startsWith('https:') ?? false;
  const attemptCookie = (value: string, maxAge: number) =>
    serializeCookie(ATTEMPT_COOKIE, value, { path: '/auth', maxAge, secure });

  const redirectTo = (description: string) => ({
    description,
    headers: { Location: { schema: { type: 'string' as const } } },
  });
  apiRoute(
    app,
    {
      method: 'get',
      path: '/auth/login',
      tags: ['Sign-in'],
      summary: 'Start a company sign-in (OpenID Connect)',
      request: { query: z.object({ returnTo: z.string().optional().meta({ example: '/b/k3j9x0a1b2c3' }) }) },
      responses: { 303: redirectTo('To the identity provider'), ...errors(404) },
    },
    async (c) => {
      const req = c.env.incoming;
      const signIn = requireSignIn(deps);
      const { url: target, attempt } = await signIn.begin(
        callbackUri(deps, req),
        safeReturnTo(requestUrl(c).searchParams.get('returnTo')),
      );
      return redirect(c, target.href, [attemptCookie(attempt, 600)]);
    },
  );

  apiRoute(
    app,
    {
      method: 'get',
      path: '/auth/callback',
      tags: ['Sign-in'],
      summary: 'Where the identity provider sends the browser back',
      description:
        'Starts a session (cookie) and redirects to `returnTo`; a refused sign-in goes to `/?signIn=failed`.',
      responses: { 303: redirectTo('Back into the app'), ...errors(404) },
    },
    async (c) => {
      const req = c.env.incoming;
      const signIn = requireSignIn(deps);
      const clearAttempt = attemptCookie('', 0);
      let outcome: Awaited<ReturnType<CompanySignIn['finish']>>;
      try {
        outcome = await signIn.finish(
          new URL(req.url ?? '/', baseUrl(deps, req)),
          readCookie(req.headers.cookie, ATTEMPT_COOKIE),
        );
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'company sign-in refused');
        return redirect(c, '/?signIn=failed', [clearAttempt]);
      }
      const { account, returnTo } = outcome;
      const personId = await deps.accounts.upsertSignedIn({
        ...account,
        id: signedInPersonId(account.issuer, account.subject),
        at: (deps.now ?? Date.now)(),
      });
      return redirect(c, returnTo, [clearAttempt, await deps.sessions.start(personId)]);
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/auth/logout',
      tags: ['Sign-in'],
      summary: "End this browser's session",
      description: `From the Journeyboard page only: header \`${CSRF_HEADER}: 1\`, same origin.`,
      security: [needs('session')],
      responses: { 204: { description: 'Signed out; the cookie is cleared' }, ...errors(403) },
    },
    async (c) => {
      const req = c.env.incoming;
      requireSameSite(deps, req);
      const cleared = await deps.sessions.end(req.headers.cookie);
      return c.body(null, 204, { 'Set-Cookie': cleared, 'Cache-Control': 'no-store' });
    },
  );

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/me',
      tags: ['Sign-in'],
      summary: 'Whether sign-in is on, and who this browser is',
      security: [{}, needs('session')],
      responses: {
        200: json('The session', meSchema, {
          signInAvailable: true,
          signedIn: true,
          person: { id: 'person-0123456789abcdefghijkl', name: 'Ann Lee', email: 'ann@example.com' },
        }),
      },
    },
    async (c) => {
      const me = await deps.sessions.signedIn(c.req.header('cookie'));
      return sendJson(c, 200, {
        signInAvailable: deps.signIn !== null,
        signedIn: me !== null,
        person: me ? { id: me.id, name: me.profile.name, email: me.profile.email } : null,
      });
    },
  );

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/me/boards',
      tags: ['Sign-in'],
      summary: 'The boards a signed-in person joined',
      security: [needs('session')],
      responses: {
        200: json('Most recently seen first', myBoardsSchema, {
          boards: [{ id: 'k3j9x0a1b2c3', title: 'Checkout journey', role: 'editor', lastSeen: 1767229200000 }],
        }),
        ...errors(401),
      },
    },
    async (c) => {
      const me = await deps.sessions.personOf(c.req.header('cookie'));
      if (!me) throw new HttpError(401, 'unauthorized', 'Sign in with your company account to see your boards');
      const boards = await deps.accounts.membershipsOf(me.id);
      return sendJson(c, 200, {
        boards: boards.map((b) => ({ id: b.boardId, title: b.title, role: b.role, lastSeen: b.lastSeen })),
      });
    },
  );
}

function requireSignIn(deps: AuthRoutesDeps): CompanySignIn {
  if (!deps.signIn) throw new HttpError(404, 'not-found', 'Company sign-in is not configured on this server');
  return deps.signIn;
}

/** Where the browser reaches us: PUBLIC_URL, or the Host it asked for (HostCheck has allowed it). */
function baseUrl(deps: AuthRoutesDeps, req: IncomingMessage): string {
  return deps.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;
}

function callbackUri(deps: AuthRoutesDeps, req: IncomingMessage): string {
  return new URL('/auth/callback', baseUrl(deps, req)).href;
}

/** A path on this server only: `//evil.example` or `https://…` would make us an open redirect. */
function safeReturnTo(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  // A fragment is where share tokens live; it has no business in a cookie or a Location.
  return value.split('#')[0]!.slice(0, 2000);
}

/** Refuses a cross-site POST: the custom header, and the Origin (when sent) must be ours. */
function requireSameSite(deps: AuthRoutesDeps, req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (req.headers[CSRF_HEADER] !== '1' || (origin !== undefined && origin !== new URL(baseUrl(deps, req)).origin)) {
    throw new HttpError(
      403,
      'forbidden',
      `Send this from the Journeyboard page (header ${CSRF_HEADER}: 1, same origin)`,
    );
  }
}

function redirect(c: HttpContext, location: string, cookies: string[]): Response {
  c.header('Cache-Control', 'no-store');
  for (const cookie of cookies) c.header('Set-Cookie', cookie, { append: true });
  return c.redirect(location, 303);
}
