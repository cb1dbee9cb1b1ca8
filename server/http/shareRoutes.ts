import type { Repositories } from '../repositories/Repositories.ts';
import type { BoardLinksResponse, BoardListResponse } from '../../shared/protocol/http.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { isRole, shareLinkPath, type Role } from '../../shared/protocol/roles.ts';
import type { ShareLinks, VisibleLinks } from '../access/ShareLinks.ts';
import { bearerToken, headerToken, sameSecret } from './bearerToken.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { HttpError, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';
import { log } from '../observability/log.ts';

export interface ShareRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly links: ShareLinks;
  /** When set, `GET /api/boards` lists every board for this Bearer token; unset, listing is off. */
  readonly adminToken?: string | null;
}

/** `GET /api/boards` (admin), `GET /api/boards/:id/links`, `POST /api/boards/:id/links/:role/rotate`. */
export function registerShareRoutes(app: HttpApp, deps: ShareRoutesDeps): void {
  app.get('/api/boards', (c) => listBoards(c, deps));
  app.get('/api/boards/:id/links', (c) => getLinks(c, deps));
  app.post('/api/boards/:id/links/:role/rotate', (c) => rotate(c, deps));
}

async function listBoards(c: HttpContext, deps: ShareRoutesDeps): Promise<Response> {
  if (!deps.adminToken)
    throw new HttpError(403, 'forbidden', 'Listing boards is disabled on this server (set ADMIN_TOKEN to enable it)');
  if (!sameSecret(headerToken(c.env.incoming), deps.adminToken)) {
    throw new HttpError(
      401,
      'unauthorized',
      'Listing boards needs the admin token in an Authorization: Bearer header (never in the URL)',
      { 'WWW-Authenticate': 'Bearer' },
    );
  }
  const boards = await deps.store.boards.listBoards();
  const body: BoardListResponse = {
    boards: boards.map(({ id, title, createdAt, updatedAt }) => ({ id, title, createdAt, updatedAt })),
  };
  return sendJson(c, 200, body);
}

async function getLinks(c: HttpContext, deps: ShareRoutesDeps): Promise<Response> {
  const id = boardIdParam(c);
  const req = c.env.incoming;
  const url = requestUrl(c);
  const { role } = await requireAccess(deps, id, req, url);
  const token = bearerToken(req, url);
  // A member who came back without a link gets their role and no links: links are sealed with a link.
  const visible = token ? await deps.links.visibleTo(id, token) : { role, tokens: {} };
  if (!visible) throw new HttpError(401, 'unauthorized', 'This link is no longer valid');
  return sendJson(c, 200, linksResponse(id, visible));
}

async function rotate(c: HttpContext, deps: ShareRoutesDeps): Promise<Response> {
  const id = boardIdParam(c);
  const role = c.req.param('role');
  const req = c.env.incoming;
  const url = requestUrl(c);
  if (!isRole(role)) throw new HttpError(404, 'not-found', `There is no role "${role}"`);
  await requireAccess(deps, id, req, url);
  const result = await deps.links.rotate(id, bearerToken(req, url) ?? '', role);
  if (!result.ok) {
    throw result.code === 'forbidden'
      ? new HttpError(403, 'forbidden', 'Only a facilitator can rotate share links')
      : new HttpError(401, 'unauthorized', 'This link is no longer valid');
  }
  const closed = c.env.live.disconnectRole(id, role);
  log.info({ board: id, role, closed }, 'share link rotated; connections with the old link closed');
  return sendJson(c, 200, linksResponse(id, result.links));
}

function boardIdParam(c: HttpContext): string {
  const id = c.req.param('id') ?? '';
  if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
  return id;
}

function linksResponse(boardId: string, visible: VisibleLinks): BoardLinksResponse {
  const links: Partial<Record<Role, string>> = {};
  for (const [role, token] of Object.entries(visible.tokens) as [Role, string][])
    links[role] = shareLinkPath(boardId, token);
  return { role: visible.role, links };
}
