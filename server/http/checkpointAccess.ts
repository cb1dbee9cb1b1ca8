import { canFacilitate } from '../../shared/protocol/roles.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import type { CheckpointAuthorizer } from './checkpointRoutes.ts';
import { HttpError } from './httpError.ts';
import { requestUrl } from './httpEnv.ts';

/**
 * Share-link roles on the checkpoint routes: any valid link (Bearer token or `?token=`) may list
 * and preview the history; saving a named checkpoint and restoring need the facilitator's link.
 */
export function roleCheckpointAuthorizer(deps: BoardAccessDeps): CheckpointAuthorizer {
  return async (c, boardId, need) => {
    const role = (await requireAccess(deps, boardId, c.env.incoming, requestUrl(c))).role;
    if (need === 'facilitate' && !canFacilitate(role)) {
      throw new HttpError(403, 'forbidden', 'Only a facilitator can save checkpoints or restore one');
    }
  };
}
