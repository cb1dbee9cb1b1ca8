import type { BoardEntry } from '../access/BoardEntry.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import type { ProvenPerson } from '../identity/Identities.ts';
import type { Repositories } from '../repositories/Repositories.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { CREDENTIAL_HEADER, identitiesPath } from '../../shared/protocol/identity.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { canFacilitate } from '../../shared/protocol/roles.ts';
import { type HttpContext, requestUrl } from './httpEnv.ts';
import { bearerToken } from './bearerToken.ts';
import { HttpError } from './httpError.ts';
import type { IncomingMessage } from 'node:http';

export interface LinkDeps {
  readonly store: { readonly boards: Pick<Repositories['boards'], 'getBoardInfo'> };
  readonly links: Pick<ShareLinks, 'roleOf'>;
}

export interface BoardAccessDeps extends LinkDeps {
  readonly entry: Pick<BoardEntry, 'personOfRequest' | 'enter' | 'memberRole'>;
}

/** Who is calling and what they may do on the board. */
export interface HttpAccess {
  readonly role: Role;
  readonly person: ProvenPerson;
}

/**
 * The role the request's share link grants on `boardId`: 404 for an unknown board, 401 without a
 * valid link. (Knowing that a random 12-character id exists gives nothing without a link.) Only
 * issuing an identity stops here; every other board call goes through requireAccess.
 */
export async function requireLinkRole(deps: LinkDeps, boardId: string, req: IncomingMessage, url: URL) {
  return (await linkRoleOf(deps, boardId, req, url)) ?? refuseLink(deps, boardId);
}

async function linkRoleOf(deps: LinkDeps, boardId: string, req: IncomingMessage, url: URL) {
  const token = bearerToken(req, url);
  return token ? deps.links.roleOf(boardId, token) : null;
}

async function refuseLink(deps: LinkDeps, boardId: string): Promise<never> {
  if (!(await deps.store.boards.getBoardInfo(boardId)))
    throw new HttpError(404, 'not-found', `There is no board "${boardId}"`);
  throw new HttpError(
    401,
    'unauthorized',
    'This board needs a share link token (Authorization: Bearer …, or ?token=)',
    { 'WWW-Authenticate': 'Bearer' },
  );
}

/**
 * A board call is bound to a proven person, as a connection is (access/BoardEntry.ts): the link
 * says what may be done, the credential who does it. Without a person: 401 `identity-required`;
 * a person removed from the board, or waiting in its lobby: 403 with that code. So a link holder
 * the facilitator removed or has not let in cannot read the board, its exports or history here.
 */
export async function requireAccess(
  deps: BoardAccessDeps,
  boardId: string,
  req: IncomingMessage,
  url: URL,
): Promise<HttpAccess> {
  const person = await deps.entry.personOfRequest(req.headers);
  // A signed-in member of the board reads it without a link, as on the board itself
  // (BoardEntry.memberRole). Only reads: a change still takes the link as a header, so no cookie
  // alone, from whatever page, can change anything.
  const reads = req.method === 'GET' || req.method === 'HEAD';
  const linkRole =
    (await linkRoleOf(deps, boardId, req, url)) ?? (reads ? await deps.entry.memberRole(boardId, person) : null);
  if (!linkRole) await refuseLink(deps, boardId);
  const entry = await deps.entry.enter(boardId, linkRole!, person);
  if (entry.ok) return { role: entry.role, person: entry.person };
  if (entry.refusal === 'identity-required')
    throw new HttpError(
      401,
      'identity-required',
      `Say who you are: send your credential as ${CREDENTIAL_HEADER} (get one with POST ${identitiesPath(boardId)})`,
    );
  throw entry.refusal === 'removed-from-board'
    ? new HttpError(403, 'removed-from-board', 'The facilitator removed you from this board')
    : new HttpError(403, 'awaiting-admission', 'The facilitator has not let you onto this board yet');
}

/** The board of a route (`:id`) and what the caller may do on it (requireAccess); 404 for a malformed id. */
export async function requireBoard(deps: BoardAccessDeps, c: HttpContext): Promise<{ id: string; access: HttpAccess }> {
  const id = c.req.param('id') ?? '';
  if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
  return { id, access: await requireAccess(deps, id, c.env.incoming, requestUrl(c)) };
}

/** The board id of a facilitator-only route, once the caller is proven its facilitator; else 404, 401 or 403 `refusal`. */
export async function requireFacilitator(deps: BoardAccessDeps, c: HttpContext, refusal: string): Promise<string> {
  const { id, access } = await requireBoard(deps, c);
  if (!canFacilitate(access.role)) throw new HttpError(403, 'forbidden', refusal);
  return id;
}
