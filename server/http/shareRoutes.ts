import type { Repositories } from '../repositories/Repositories.ts';
import {
  boardLinksResponseSchema,
  boardListResponseSchema,
  isBoardId,
  type BoardLinksResponse,
  type BoardListResponse,
} from '../../shared/protocol/http.ts';
import { isRole, ROLES, shareLinkPath, type Role } from '../../shared/protocol/roles.ts';
import { z } from 'zod';
import { apiRoute } from './apiRoute.ts';
import { BOARD_CALL, boardIdParams, errors, EXAMPLE_LINKS, json, needs } from './openapiParts.ts';
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
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards',
      tags: ['Boards'],
      summary: 'Every board on this server (operator)',
      description: 'Only with ADMIN_TOKEN set, and sent as a header.',
      security: [needs('adminToken')],
      responses: {
        200: json('The boards', boardListResponseSchema, {
          boards: [
            { id: 'k3j9x0a1b2c3', title: 'Checkout journey', createdAt: 1767225600000, updatedAt: 1767229200000 },
          ],
        }),
        ...errors(401, 403),
      },
    },
    (c) => listBoards(c, deps),
  );
  const linksAnswer = json("The caller's role and the links it may hand out", boardLinksResponseSchema, {
    role: 'editor',
    links: { editor: EXAMPLE_LINKS.editor, commenter: EXAMPLE_LINKS.commenter, viewer: EXAMPLE_LINKS.viewer },
  });
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/links',
      tags: ['Share links'],
      summary: 'The share links the caller may hand out',
      description: 'A role sees the links of its own role and those below it.',
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: { 200: linksAnswer, ...errors(401, 403, 404) },
    },
    (c) => getLinks(c, deps),
  );
  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/links/{role}/rotate',
      tags: ['Share links'],
      summary: "Replace a role's link",
      description: 'Facilitator only. The old link stops working and its open connections are closed.',
      security: BOARD_CALL,
      request: { params: boardIdParams.extend({ role: z.enum(ROLES).meta({ example: 'viewer' }) }) },
      responses: { 200: linksAnswer, ...errors(401, 403, 404) },
    },
    (c) => rotate(c, deps),
  );
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
  // A future-state board opens with its current board's links: the old link leaves both.
  const link = await deps.store.futureStates.linkOf(id);
  const boards = link ? [link.currentBoardId, link.futureBoardId] : [id];
  const closed = boards.reduce((n, board) => n + c.env.live.disconnectRole(board, role), 0);
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
