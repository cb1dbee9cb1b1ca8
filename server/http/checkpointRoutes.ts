import type { CheckpointFailure, CheckpointService } from '../checkpoints/CheckpointService.ts';
import { toSummary } from '../checkpoints/CheckpointService.ts';
import {
  createCheckpointRequestSchema,
  restoreCheckpointRequestSchema,
  type CheckpointListResponse,
  type RestoreCheckpointResponse,
} from '../../shared/protocol/checkpoints.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { readJsonBody } from './readJsonBody.ts';
import { HttpError, sendJson } from './respond.ts';
import type { RouteContext, Router } from './router.ts';
import { log } from '../observability/log.ts';

/** What a checkpoint route needs from the caller: `view` to look at history, `facilitate` to change it. */
type CheckpointAccess = 'view' | 'facilitate';

/**
 * Decides whether the request may do `need` on `boardId`; throws an HttpError (401, 403, 404)
 * if not. createServer plugs in the share-link roles: any valid link may view the history, only
 * a facilitator's link may save a named checkpoint or restore.
 */
export type CheckpointAuthorizer = (ctx: RouteContext, boardId: string, need: CheckpointAccess) => Promise<void>;

export interface CheckpointRoutesDeps {
  readonly checkpoints: CheckpointService;
  readonly maxBodyBytes: number;
  readonly authorizeCheckpoints: CheckpointAuthorizer;
}

/**
 * `GET|POST /api/boards/:id/checkpoints`, `GET /api/boards/:id/checkpoints/:cid` (preview),
 * `POST /api/boards/:id/checkpoints/:cid/restore`. See docs/api.md.
 */
export function registerCheckpointRoutes(router: Router, deps: CheckpointRoutesDeps): void {
  const board = async (ctx: RouteContext, need: CheckpointAccess) => {
    const id = ctx.params.id ?? '';
    if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
    await deps.authorizeCheckpoints(ctx, id, need);
    return id;
  };

  router.on('GET', '/api/boards/:id/checkpoints', async (ctx) => {
    const id = await board(ctx, 'view');
    const answer: CheckpointListResponse = { checkpoints: (await deps.checkpoints.list(id)).map(toSummary) };
    sendJson(ctx.res, 200, answer);
  });

  router.on('POST', '/api/boards/:id/checkpoints', async (ctx) => {
    const id = await board(ctx, 'facilitate');
    const body = createCheckpointRequestSchema.safeParse((await readJsonBody(ctx.req, deps.maxBodyBytes)) ?? {});
    if (!body.success) throw invalid(body.error.issues);
    const result = await deps.checkpoints.createNamed(id, body.data.label, body.data.by ?? null);
    if (!result.ok) throw failure(id, result);
    sendJson(ctx.res, 201, toSummary(result.checkpoint), {
      Location: `/api/boards/${id}/checkpoints/${result.checkpoint.id}`,
    });
  });

  router.on('GET', '/api/boards/:id/checkpoints/:cid', async (ctx) => {
    const id = await board(ctx, 'view');
    const result = await deps.checkpoints.preview(id, ctx.params.cid ?? '');
    if (!result.ok) throw failure(id, result);
    const { ok: _ok, ...preview } = result;
    sendJson(ctx.res, 200, preview);
  });

  router.on('POST', '/api/boards/:id/checkpoints/:cid/restore', async (ctx) => {
    const id = await board(ctx, 'facilitate');
    const body = restoreCheckpointRequestSchema.safeParse((await readJsonBody(ctx.req, deps.maxBodyBytes)) ?? {});
    if (!body.success) throw invalid(body.error.issues);
    const result = await deps.checkpoints.restore(id, ctx.params.cid ?? '', body.data.by ?? null);
    if (!result.ok) throw failure(id, result);
    const answer: RestoreCheckpointResponse = {
      restored: toSummary(result.restored),
      before: toSummary(result.before),
      summary: result.summary,
    };
    sendJson(ctx.res, 200, answer);
  });
}

function invalid(issues: readonly { path: PropertyKey[]; message: string }[]): HttpError {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return new HttpError(400, 'invalid-request', `${where}${issue?.message ?? 'Invalid request'}`);
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
