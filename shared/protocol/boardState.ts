/**
 * GET /api/boards/:id/state: the board's Yjs document as one v2 update, for a page that is
 * opening it (docs/api.md). No imports: the page's first script uses this before anything else.
 */
export const BOARD_STATE_TYPE = 'application/octet-stream';

export function boardStatePath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/state`;
}
