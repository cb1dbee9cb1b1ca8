import type { Repositories } from '../repositories/Repositories.ts';
import type * as Y from 'yjs';
import { findTemplate, isSavedTemplateId, randomId, summarizeBoard, TEMPLATES } from '../../shared/index.ts';
import {
  BOARD_ID_LENGTH,
  boardInfoResponseSchema,
  createBoardRequestSchema,
  createBoardResponseSchema,
  isBoardId,
  requestedStructure,
  type BoardInfoResponse,
  type CreateBoardResponse,
} from '../../shared/protocol/http.ts';
import { shareLinkPath, ROLES } from '../../shared/protocol/roles.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import type { SavedTemplates } from '../templates/SavedTemplates.ts';
import { CorruptBoardError, type BoardInfo } from '../storage/BoardStore.ts';
import { loadBoardDoc, newBoardRow } from '../storage/boardState.ts';
import { headerToken, sameSecret } from './bearerToken.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { apiRoute } from './apiRoute.ts';
import { readJson } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, EXAMPLE_LINKS, json, jsonBody, needs } from './openapiParts.ts';
import { HttpError, invalidRequest, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';
import { log } from '../observability/log.ts';

export interface BoardRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly links: ShareLinks;
  /** When set, creating a board needs it as a Bearer token. */
  readonly createToken?: string | null;
  /** Templates saved from boards on this server (server/templates/SavedTemplates.ts). */
  readonly savedTemplates?: Pick<SavedTemplates, 'find'>;
}

/** `POST /api/boards`, `GET /api/boards/:id` (`GET /api/templates` is in templateRoutes.ts). */
export function registerBoardRoutes(app: HttpApp, deps: BoardRoutesDeps): void {
  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards',
      tags: ['Boards'],
      summary: 'Create a board from a template, or from stages and lanes',
      description:
        "Either `template` (a built-in or saved template id; default `blank`) or `stages` and `lanes` (an empty board of that grid). Answers the new board's share links, one per role; only shown in full here. CREATE_TOKEN, when the operator set it, is needed.",
      security: [{}, needs('createToken')],
      request: {
        body: jsonBody(
          createBoardRequestSchema,
          {
            title: 'Checkout journey',
            stages: ['Discover', 'Buy', 'Use'],
            lanes: [
              { name: 'Touchpoints', kind: 'touchpoint' },
              { name: 'Pains', kind: 'pain' },
            ],
          },
          false,
        ),
      },
      responses: {
        201: json("Created; `Location` is the board's API URL", createBoardResponseSchema, {
          id: 'k3j9x0a1b2c3',
          url: EXAMPLE_LINKS.facilitator,
          links: EXAMPLE_LINKS,
        }),
        ...errors(400, 401, 403, 413, 415),
      },
    },
    (c) => createBoard(c, deps),
  );
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}',
      tags: ['Boards'],
      summary: "A board's title and counts",
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: {
        200: json('The board', boardInfoResponseSchema, {
          id: 'k3j9x0a1b2c3',
          title: 'Checkout journey',
          schemaVersion: 12,
          createdAt: 1767225600000,
          updatedAt: 1767229200000,
          counts: { stages: 5, lanes: 4, notes: 23 },
        }),
        ...errors(401, 403, 404, 500),
      },
    },
    (c) => getBoard(c, deps),
  );
}

async function createBoard(c: HttpContext, deps: BoardRoutesDeps): Promise<Response> {
  if (deps.createToken && !sameSecret(headerToken(c.env.incoming), deps.createToken)) {
    throw new HttpError(
      401,
      'unauthorized',
      'Creating boards on this server needs its creation token (Authorization: Bearer …)',
      {
        'WWW-Authenticate': 'Bearer',
      },
    );
  }
  const body = await readJson(c);
  const parsed = createBoardRequestSchema.safeParse(body === undefined ? {} : body);
  if (!parsed.success) throw invalidRequest(parsed.error.issues);
  const structure = requestedStructure(parsed.data);
  if (!structure.ok) throw new HttpError(400, 'invalid-request', structure.message);
  const wanted = structure.template;
  const template =
    typeof wanted !== 'string'
      ? wanted
      : (findTemplate(wanted) ?? (isSavedTemplateId(wanted) ? await deps.savedTemplates?.find(wanted) : undefined));
  if (!template) {
    const known = TEMPLATES.map((t) => t.id).join(', ');
    throw new HttpError(
      400,
      'unknown-template',
      `There is no template "${wanted}"; built-in: ${known}, or a saved one from GET /api/templates`,
    );
  }
  // The server writes the new board (the shared model's initializeBoard) and stores it before
  // answering, so the link it returns works at once, from any client.
  const id = randomId(BOARD_ID_LENGTH);
  await deps.store.boards.createBoard(
    newBoardRow({ boardId: id, title: parsed.data.title, template, now: Date.now() }),
  );
  const tokens = await deps.links.create(id);
  const links = Object.fromEntries(
    ROLES.map((role) => [role, shareLinkPath(id, tokens[role])]),
  ) as CreateBoardResponse['links'];
  const answer: CreateBoardResponse = { id, url: links.facilitator, links };
  return sendJson(c, 201, answer, { Location: `/api/boards/${id}` });
}

async function getBoard(c: HttpContext, deps: BoardRoutesDeps): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const notFound = new HttpError(404, 'not-found', `There is no board "${id}"`);
  if (!isBoardId(id)) throw notFound;
  await requireAccess(deps, id, c.env.incoming, requestUrl(c));

  // A loaded board is read from its live document (it may be ahead of the snapshot); the
  // stored row still gives updatedAt, since every accepted change is logged with its time.
  const live = c.env.live.liveDocument(id);
  if (live) {
    const info = await deps.store.boards.getBoardInfo(id);
    if (!info) throw notFound;
    return sendJson(c, 200, boardInfo(info, live));
  }

  let loaded: Awaited<ReturnType<typeof loadBoardDoc>>;
  try {
    loaded = await loadBoardDoc(deps.store, id);
  } catch (error) {
    if (!(error instanceof CorruptBoardError)) throw error;
    log.error({ board: id, err: error }, 'board data cannot be read');
    throw new HttpError(500, 'board-unreadable', `Board ${id} exists but its stored data cannot be read`);
  }
  if (!loaded) throw notFound;
  try {
    return sendJson(c, 200, boardInfo(loaded.info, loaded.doc));
  } finally {
    loaded.doc.destroy();
  }
}

function boardInfo(info: BoardInfo, doc: Y.Doc): BoardInfoResponse {
  const summary = summarizeBoard(doc);
  return {
    id: info.id,
    title: summary.title,
    schemaVersion: summary.schemaVersion,
    createdAt: summary.createdAt,
    updatedAt: info.updatedAt,
    counts: summary.counts,
  };
}
