import type { CheckpointFailure, CheckpointService } from '../checkpoints/CheckpointService.ts';
import { toSummary } from '../checkpoints/CheckpointService.ts';
import {
  checkpointListResponseSchema,
  checkpointPreviewResponseSchema,
  checkpointSummarySchema,
  createCheckpointRequestSchema,
  restoreCheckpointRequestSchema,
  restoreCheckpointResponseSchema,
  type CheckpointListResponse,
  type RestoreCheckpointResponse,
} from '../../shared/protocol/checkpoints.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { apiRoute } from './apiRoute.ts';
import { readJson } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody } from './openapiParts.ts';
import { z } from 'zod';
import { HttpError, invalidRequest, sendJson } from './httpError.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';
import { log } from '../observability/log.ts';

/** What a checkpoint route needs from the caller: `view` to look at history, `facilitate` to change it. */
type CheckpointAccess = 'view' | 'facilitate';

/**
 * Decides whether the request may do `need` on `boardId`; throws an HttpError (401, 403, 404)
 * if not. createServer plugs in the share-link roles: any valid link may view the history, only
 * a facilitator's link may save a named checkpoint or restore.
 */
export type CheckpointAuthorizer = (c: HttpContext, boardId: string, need: CheckpointAccess) => Promise<void>;

export interface CheckpointRoutesDeps {
  readonly checkpoints: CheckpointService;
  readonly authorizeCheckpoints: CheckpointAuthorizer;
}

/**
 * `GET|POST /api/boards/:id/checkpoints`, `GET /api/boards/:id/checkpoints/:cid` (preview),
 * `POST /api/boards/:id/checkpoints/:cid/restore`. See docs/api.md.
 */
export function registerCheckpointRoutes(app: HttpApp, deps: CheckpointRoutesDeps): void {
  const board = async (c: HttpContext, need: CheckpointAccess) => {
    const id = c.req.param('id') ?? '';
    if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
    await deps.authorizeCheckpoints(c, id, need);
    return id;
  };

  const summary = {
    id: 'cp_0123456789ab',
    kind: 'named' as const,
    label: 'Before the vote',
    createdBy: { id: 'person-0123456789abcdefghijkl', name: 'Ann Lee' },
    createdAt: 1767225600000,
    noteCount: 23,
  };
  const checkpointParams = boardIdParams.extend({ cid: z.string().meta({ example: summary.id }) });
  const by = { by: { id: 'person-0123456789abcdefghijkl', name: 'Ann Lee' } };
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/checkpoints',
      tags: ['Version history'],
      summary: "The board's checkpoints, newest first",
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: {
        200: json('The history', checkpointListResponseSchema, { checkpoints: [summary] }),
        ...errors(401, 403, 404),
      },
    },
    async (c) => {
      const id = await board(c, 'view');
      const answer: CheckpointListResponse = { checkpoints: (await deps.checkpoints.list(id)).map(toSummary) };
      return sendJson(c, 200, answer);
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/checkpoints',
      tags: ['Version history'],
      summary: 'Save a named checkpoint',
      description: 'Facilitator only.',
      security: BOARD_CALL,
      request: {
        params: boardIdParams,
        body: jsonBody(createCheckpointRequestSchema, { label: 'Before the vote', ...by }),
      },
      responses: { 201: json('Saved', checkpointSummarySchema, summary), ...errors(400, 401, 403, 404, 413, 415, 500) },
    },
    async (c) => {
      const id = await board(c, 'facilitate');
      const body = createCheckpointRequestSchema.safeParse((await readJson(c)) ?? {});
      if (!body.success) throw invalidRequest(body.error.issues);
      const result = await deps.checkpoints.createNamed(id, body.data.label, body.data.by ?? null);
      if (!result.ok) throw failure(id, result);
      return sendJson(c, 201, toSummary(result.checkpoint), {
        Location: `/api/boards/${id}/checkpoints/${result.checkpoint.id}`,
      });
    },
  );

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/checkpoints/{cid}',
      tags: ['Version history'],
      summary: "A checkpoint's board, and what changed since",
      security: BOARD_CALL,
      request: { params: checkpointParams },
      responses: {
        200: json('The board then, and the changes from then to now', checkpointPreviewResponseSchema, {
          checkpoint: summary,
          board: { title: 'Checkout journey', stages: [], lanes: [], notes: [] },
          since: { added: [], removed: [], changed: [] },
        }),
        ...errors(401, 403, 404, 422, 500),
      },
    },
    async (c) => {
      const id = await board(c, 'view');
      const result = await deps.checkpoints.preview(id, c.req.param('cid') ?? '');
      if (!result.ok) throw failure(id, result);
      const { ok: _ok, ...preview } = result;
      return sendJson(c, 200, preview);
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/checkpoints/{cid}/restore',
      tags: ['Version history'],
      summary: 'Bring the board back to a checkpoint',
      description:
        'Facilitator only. Written as a new change, so people connected merge; a checkpoint of the board just before is saved first.',
      security: BOARD_CALL,
      request: { params: checkpointParams, body: jsonBody(restoreCheckpointRequestSchema, by, false) },
      responses: {
        200: json('Restored', restoreCheckpointResponseSchema, {
          restored: summary,
          before: { ...summary, id: 'cp_ba9876543210', kind: 'before-restore', label: 'Before restoring' },
          summary: { recreated: 2, removed: 1, changed: 3, titleChanged: false },
        }),
        ...errors(400, 401, 403, 404, 413, 415, 422, 500),
      },
    },
    async (c) => {
      const id = await board(c, 'facilitate');
      const body = restoreCheckpointRequestSchema.safeParse((await readJson(c)) ?? {});
      if (!body.success) throw invalidRequest(body.error.issues);
      const result = await deps.checkpoints.restore(id, c.req.param('cid') ?? '', body.data.by ?? null);
      if (!result.ok) throw failure(id, result);
      const answer: RestoreCheckpointResponse = {
        restored: toSummary(result.restored),
        before: toSummary(result.before),
        summary: result.summary,
      };
      return sendJson(c, 200, answer);
    },
  );
}

function failure(boardId: string, f: CheckpointFailure): HttpError {
  switch (f.code) {
    case 'board-not-found':
      return new HttpError(404, 'not-found', `There is no board "${boardId}"`);
    case 'checkpoint-not-found':
      return new HttpError(404, 'not-found', `Board ${boardId} has no such checkpoint`);
    case 'checkpoint-unreadable':
      log.error({ board: boardId, detail: f.detail }, 'a checkpoint cannot be read');
      return new HttpError(
        422,
        'checkpoint-unreadable',
        'This checkpoint cannot be read, so it cannot be shown or restored',
      );
    case 'board-unreadable':
      log.error({ board: boardId, detail: f.detail }, 'board data cannot be read');
      return new HttpError(500, 'board-unreadable', `Board ${boardId} exists but its stored data cannot be read`);
  }
}
