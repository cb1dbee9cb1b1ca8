import type { Repositories } from '../repositories.ts';
import { canFacilitate } from '../../shared/protocol/roles.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import { requireRole } from './boardRoutes.ts';
import type { CheckpointAuthorizer } from './checkpointRoutes.ts';
import { HttpError } from './respond.ts';

/**
 * Share-link roles on the checkpoint routes: any valid link (Bearer token or `?token=`) may list
 * and preview the history; saving a named checkpoint and restoring need the facilitator's link.
 */
export function roleCheckpointAuthorizer(deps: {
  readonly store: Repositories;
  readonly links: ShareLinks;
}): CheckpointAuthorizer {
  return async ({ req, url }, boardId, need) => {
    const role = await requireRole(deps, boardId, req, url);
    if (need === 'facilitate' && !canFacilitate(role)) {
      throw new HttpError(403, 'forbidden', 'Only a facilitator can save checkpoints or restore one');
    }
  };
}
