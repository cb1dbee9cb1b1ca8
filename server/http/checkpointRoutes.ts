import type { CheckpointFailure, CheckpointService } from '../checkpoints/CheckpointService.ts';
import { toSummary } from '../checkpoints/CheckpointService.ts';
import {
  createCheckpointRequestSchema,
  restoreCheckpointRequestSchema,
  type CheckpointListResponse,
  type RestoreCheckpointResponse,
} from '../../shared/protocol/checkpoints.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { readJson } from './jsonBody.ts';
import { HttpError, sendJson } from './httpError.ts';
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

  app.get('/api/boards/:id/checkpoints', async (c) => {
    const id = await board(c, 'view');
    const answer: CheckpointListResponse = { checkpoints: (await deps.checkpoints.list(id)).map(toSummary) };
    return sendJson(c, 200, answer);
  });

  app.post('/api/boards/:id/checkpoints', async (c) => {
    const id = await board(c, 'facilitate');
    const body = createCheckpointRequestSchema.safeParse((await readJson(c)) ?? {});
    if (!body.success) throw invalid(body.error.issues);
    const result = await deps.checkpoints.createNamed(id, body.data.label, body.data.by ?? null);
    if (!result.ok) throw failure(id, result);
    return sendJson(c, 201, toSummary(result.checkpoint), {
      Location: `/api/boards/${id}/checkpoints/${result.checkpoint.id}`,
    });
  });

  app.get('/api/boards/:id/checkpoints/:cid', async (c) => {
    const id = await board(c, 'view');
    const result = await deps.checkpoints.preview(id, c.req.param('cid') ?? '');
    if (!result.ok) throw failure(id, result);
    const { ok: _ok, ...preview } = result;
    return sendJson(c, 200, preview);
  });

  app.post('/api/boards/:id/checkpoints/:cid/restore', async (c) => {
    const id = await board(c, 'facilitate');
    const body = restoreCheckpointRequestSchema.safeParse((await readJson(c)) ?? {});
    if (!body.success) throw invalid(body.error.issues);
    const result = await deps.checkpoints.restore(id, c.req.param('cid') ?? '', body.data.by ?? null);
    if (!result.ok) throw failure(id, result);
    const answer: RestoreCheckpointResponse = {
      restored: toSummary(result.restored),
      before: toSummary(result.before),
      summary: result.summary,
    };
    return sendJson(c, 200, answer);
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
