import type { Repositories } from '../repositories/Repositories.ts';
import * as Y from 'yjs';
import { isBoardId } from '../../shared/index.ts';
import { BOARD_STATE_TYPE } from '../../shared/protocol/boardState.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import { apiRoute } from './apiRoute.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { BOARD_CALL, boardIdParams, errors } from './openapiParts.ts';
import { pickEncoding } from './compressedFiles.ts';
import { docVersion, EncodedStates } from '../live/encodedStates.ts';
import { withBoardDoc } from './readBoardDoc.ts';
import { HttpError } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';

export interface StateRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly links: ShareLinks;
  readonly states?: EncodedStates;
}

/**
 * `GET /api/boards/:id/state` (any share link): the board's Yjs document as one update, brotli or
 * gzip when the client takes them. The page fetches it while its scripts load and shows the board
 * from it; its WebSocket then syncs only what changed since (client/boot/prefetchBoard.ts). Every
 * role receives the same document over the WebSocket, so this gives nobody more than that does.
 */
export function registerStateRoutes(app: HttpApp, deps: StateRoutesDeps): void {
  const states = deps.states ?? new EncodedStates();
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/state',
      tags: ['Boards'],
      summary: "The board's Yjs document as one update (v2)",
      description: 'What the page shows first while its WebSocket connects; brotli or gzip when the client takes them.',
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: {
        200: {
          description: 'A Yjs update',
          content: { [BOARD_STATE_TYPE]: { schema: { type: 'string', format: 'binary' } } },
        },
        ...errors(401, 403, 404, 500),
      },
    },
    (c) => sendState(c, deps, states),
  );
}

async function sendState(c: HttpContext, deps: StateRoutesDeps, states: EncodedStates): Promise<Response> {
  const id = c.req.param('id') ?? '';
  if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
  await requireAccess(deps, id, c.env.incoming, requestUrl(c));
  const encoding = pickEncoding(c.req.header('accept-encoding'));
  const live = c.env.live.liveDocument(id);
  const body = await states.get(
    id,
    encoding,
    () => withBoardDoc(deps.store, c.env.live, id, (doc) => Y.encodeStateAsUpdateV2(doc)),
    live ? docVersion(live) : undefined,
  );
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': BOARD_STATE_TYPE,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
  });
}
