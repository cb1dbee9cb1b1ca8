import * as Y from 'yjs';
import {
  compareStates,
  compareToMarkdown,
  fileSlug,
  futureStateTitle,
  randomId,
  readBoard,
  readMeta,
  writeFutureState,
  type BoardSnapshot,
  type StateComparison,
} from '../../shared/index.ts';
import {
  futureStateResponseSchema,
  makeFutureStateRequestSchema,
  stateComparisonSchema,
  type FutureStateResponse,
} from '../../shared/protocol/futureState.ts';
import { BOARD_ID_LENGTH } from '../../shared/protocol/http.ts';
import type { FutureStateLink } from '../access/FutureStateRepository.ts';
import type { Repositories } from '../repositories/Repositories.ts';
import { log } from '../observability/log.ts';
import { type AreaAccess, areaRoutes } from './areaRoutes.ts';
import { boardCall, boardWriteCall, type BoardAccessDeps } from './boardAccess.ts';
import { readJson } from './jsonBody.ts';
import { errors, json, jsonBody } from './openapiParts.ts';
import { sendFile } from './priorityRoutes.ts';
import { withBoardDoc } from './readBoardDoc.ts';
import { HttpError, invalidRequest, sendJson } from './httpError.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';

export interface FutureStateRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly now?: () => number;
}

const EXAMPLE_LINK: FutureStateResponse = {
  link: {
    current: { id: 'k3j9x0a1b2c3', title: 'Checkout journey' },
    future: { id: 'p8m2q7r4s1t6', title: 'Checkout journey (future state)' },
  },
};

/**
 * The future state of a board: `POST /api/boards/:id/future-state` makes it (a facilitator or an
 * editor of the current board), `GET` names the pair a board belongs to, and
 * `GET /api/boards/:id/compare` (`.md` for Markdown) compares the two, from either board, for anyone
 * who may read it (as the board's other exports). The future board opens with the current board's
 * links (server/access/futureStateDoor.ts), so the same token works on both.
 */
export function registerFutureStateRoutes(app: HttpApp, deps: FutureStateRoutesDeps): void {
  const route = areaRoutes(app, 'Future state');
  const read: AreaAccess = async (c) => (await boardCall(deps, c)).id;
  const write: AreaAccess = async (c) =>
    (await boardWriteCall(deps, c, 'Only a facilitator or an editor can make the future state of a board')).id;
  route(
    {
      method: 'post',
      path: '/api/boards/{id}/future-state',
      summary: 'Make the future-state board of this board (or get the one it has)',
      description:
        "A facilitator or an editor. The new board has the current board's stages, lanes, personas, channels, KPIs, notes and connectors, each with the id it has on the current board (that is how the compare matches notes); not its voting rounds or comments. It has no share links of its own: the current board's links open it with the same role. One future state per board (200 with the existing one); a future-state board has none (409 `future-of-future`).",
      request: { body: jsonBody(makeFutureStateRequestSchema, { title: 'Checkout, next year' }, false) },
      responses: {
        201: json('Made', futureStateResponseSchema, EXAMPLE_LINK),
        200: json('The board had one already', futureStateResponseSchema, EXAMPLE_LINK),
        ...errors(400, 409, 413, 415, 500),
      },
    },
    write,
    (c, id) => makeFutureState(c, deps, id),
  );
  route(
    {
      method: 'get',
      path: '/api/boards/{id}/future-state',
      summary: 'The current/future pair this board belongs to, or null',
      responses: { 200: json('The pair, or `{ "link": null }`', futureStateResponseSchema, EXAMPLE_LINK) },
    },
    read,
    async (c, id) => {
      const link = await deps.store.futureStates.linkOf(id);
      return sendJson(c, 200, link ? await described(c, deps, link) : { link: null });
    },
  );
  route(
    {
      method: 'get',
      path: '/api/boards/{id}/compare',
      summary: 'The current state compared with the future state, per stage',
      description:
        'From either board of the pair. Per stage: the pain points the future removes, keeps and adds, the touchpoints that change (text, channel or stage) and the channels, and both boards\' KPI values and targets. Notes are matched by id. 404 `no-future-state` for a board without one. Fields: docs/api.md, "Compare".',
      responses: { 200: json('The comparison', stateComparisonSchema, EXAMPLE_COMPARE), ...errors(500) },
    },
    read,
    async (c, id) => sendJson(c, 200, await comparison(c, deps, id)),
  );
  route(
    {
      method: 'get',
      path: '/api/boards/{id}/compare.md',
      summary: 'The comparison as Markdown (a download)',
      responses: {
        200: { description: 'Markdown', content: { 'text/markdown; charset=utf-8': { schema: { type: 'string' } } } },
        ...errors(500),
      },
    },
    read,
    async (c, id) => {
      const compare = await comparison(c, deps, id);
      return sendFile(
        c,
        compareToMarkdown(compare),
        'text/markdown; charset=utf-8',
        `${fileSlug(compare.current.title)}-compare.md`,
      );
    },
  );
}

async function makeFutureState(c: HttpContext, deps: FutureStateRoutesDeps, id: string): Promise<Response> {
  const body = await readJson(c);
  const parsed = makeFutureStateRequestSchema.safeParse(body === undefined ? {} : body);
  if (!parsed.success) throw invalidRequest(parsed.error.issues);
  const existing = await deps.store.futureStates.linkOf(id);
  if (existing?.futureBoardId === id)
    throw new HttpError(
      409,
      'future-of-future',
      'This board is a future state already; make changes here, or make another future from its current state',
    );
  if (existing) return sendJson(c, 200, await described(c, deps, existing));

  const now = (deps.now ?? Date.now)();
  const futureId = randomId(BOARD_ID_LENGTH);
  const snapshot = await withBoardDoc(deps.store, c.env.live, id, (current) => {
    const future = new Y.Doc();
    try {
      const title = parsed.data.title ?? futureStateTitle(readMeta(current).title);
      writeFutureState(current, future, { boardId: futureId, title, now });
      return { title, state: Y.encodeStateAsUpdate(future) };
    } finally {
      future.destroy();
    }
  });
  const { made, link } = await deps.store.futureStates.make(id, {
    id: futureId,
    title: snapshot.title,
    createdAt: now,
    snapshot: snapshot.state,
  });
  // Two people asked at once and the other one's board was linked first: answer that one.
  if (!made) return sendJson(c, 200, await described(c, deps, link));
  log.info({ board: id, future: futureId }, 'future-state board made');
  return sendJson(c, 201, await described(c, deps, link), { Location: `/api/boards/${futureId}` });
}

/** The pair with each board's title: the live document's when it is open, else the stored one. */
async function described(
  c: HttpContext,
  deps: FutureStateRoutesDeps,
  link: FutureStateLink,
): Promise<FutureStateResponse> {
  const titleOf = async (id: string) => {
    const live = c.env.live.liveDocument(id);
    return live ? readMeta(live).title : ((await deps.store.boards.getBoardInfo(id))?.title ?? '');
  };
  return {
    link: {
      current: { id: link.currentBoardId, title: await titleOf(link.currentBoardId) },
      future: { id: link.futureBoardId, title: await titleOf(link.futureBoardId) },
    },
  };
}

async function comparison(c: HttpContext, deps: FutureStateRoutesDeps, id: string): Promise<StateComparison> {
  const link = await deps.store.futureStates.linkOf(id);
  if (!link) throw new HttpError(404, 'no-future-state', `Board "${id}" has no future state (make one first)`);
  const read = (boardId: string) => withBoardDoc<BoardSnapshot>(deps.store, c.env.live, boardId, readBoard);
  return compareStates(await read(link.currentBoardId), await read(link.futureBoardId));
}

const EXAMPLE_COMPARE = {
  current: { id: 'k3j9x0a1b2c3', title: 'Checkout journey' },
  future: { id: 'p8m2q7r4s1t6', title: 'Checkout journey (future state)' },
  stages: [
    {
      stageId: 'stage:k3v9q0x1m2b7c4d8',
      name: 'Buy',
      on: 'both' as const,
      pains: {
        removed: [{ id: 'note:a1b2c3d4e5f6g7h8', text: 'Long queue at the till', before: null }],
        kept: [{ id: 'note:b1b2c3d4e5f6g7h8', text: 'Card declined, no reason given', before: null }],
        added: [],
      },
      touchpoints: [
        {
          id: 'note:c1b2c3d4e5f6g7h8',
          change: 'changed' as const,
          before: { text: 'Pays at the till', channel: 'Store' },
          after: { text: 'Pays in the app', channel: 'Mobile app' },
        },
      ],
      channels: { current: ['Store'], future: ['Mobile app'], added: ['Mobile app'], dropped: ['Store'] },
      kpis: [
        {
          id: 'kpi:k3v9q0x1m2b7c4d8.csat',
          metric: 'CSAT',
          unit: '/5',
          current: { value: 3.9, target: 4.2 },
          future: { value: 3.9, target: 4.6 },
        },
      ],
    },
  ],
  totals: { painsRemoved: 1, painsKept: 1, painsAdded: 0, touchpointsChanged: 1 },
} satisfies StateComparison;
