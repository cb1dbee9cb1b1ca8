import { isBoardId } from '../../shared/protocol/http.ts';
import { issuedIdentitySchema } from '../../shared/protocol/identity.ts';
import { apiRoute } from './apiRoute.ts';
import { boardIdParams, errors, json, needs } from './openapiParts.ts';
import type { Identities } from '../identity/Identities.ts';
import type { Sessions } from '../identity/Sessions.ts';
import type { BoardEntry } from '../access/BoardEntry.ts';
import { bearerToken } from './bearerToken.ts';
import { requireLinkRole, type LinkDeps } from './boardAccess.ts';
import { HttpError, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';
import { log } from '../observability/log.ts';

export interface IdentityRoutesDeps extends LinkDeps {
  readonly identities: Identities;
  /** A signed-in browser gets a credential for its company person, not a new one. */
  readonly sessions?: Sessions;
  /** Lets a signed-in member ask without the link (My boards on a new device). */
  readonly entry?: Pick<BoardEntry, 'memberRole'>;
}

/**
 * `POST /api/boards/:id/identities`: any share link of the board (Bearer) gets a new person and
 * its credential, shown this once. The credential is what proves the person from then on, on this
 * board and every other; the per-link limit keeps a script from minting voters. A browser with a
 * sign-in session gets a new credential for its signed-in person (no limit: the company vouches).
 */
export function registerIdentityRoutes(app: HttpApp, deps: IdentityRoutesDeps): void {
  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/identities',
      tags: ['People'],
      summary: 'A new person and their credential',
      description:
        'Any share link of the board (header only). The credential is shown this once; it proves the person from then on. A browser with a sign-in session gets a credential for its signed-in person.',
      security: [needs('shareLink'), needs('session')],
      request: { params: boardIdParams },
      responses: {
        201: json('Issued', issuedIdentitySchema, {
          personId: 'person-0123456789abcdefghijkl',
          credential: 'jbc_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
        }),
        ...errors(400, 401, 404, 429),
      },
    },
    (c) => issue(c, deps),
  );
}

async function issue(c: HttpContext, deps: IdentityRoutesDeps): Promise<Response> {
  const boardId = c.req.param('id') ?? '';
  const req = c.env.incoming;
  const url = requestUrl(c);
  if (!isBoardId(boardId)) throw new HttpError(404, 'not-found', `There is no board "${boardId}"`);
  // A header only: a credential minted from a URL token could be replayed from logs and history.
  if (url.searchParams.has('token'))
    throw new HttpError(400, 'invalid-request', 'Send the share token as Authorization: Bearer …, not in the URL');
  const signedIn = (await deps.sessions?.personOf(req.headers.cookie)) ?? null;
  // A signed-in member opening a board from My boards on a new device has no link: membership will do.
  const member = signedIn && !bearerToken(req, url) ? await deps.entry?.memberRole(boardId, signedIn) : null;
  const role = member ?? (await requireLinkRole(deps, boardId, req, url));
  if (signedIn) {
    return sendJson(c, 201, await deps.identities.issueFor(signedIn.id));
  }
  const result = await deps.identities.issue(boardId, role);
  if (!result.ok) {
    log.warn({ board: boardId, role }, 'identity refused: this link issued too many in the last minutes');
    throw new HttpError(
      429,
      'too-many-identities',
      'This link has let in too many new people in the last few minutes. Try again later, or ask the facilitator.',
      { 'Retry-After': '600' },
    );
  }
  return sendJson(c, 201, result.identity);
}
