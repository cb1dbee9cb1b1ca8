import { shareLinkPath } from '../../../shared/index.ts';

/** The other board of the pair, opened with this board's link (the server lets it in with the same role). */
export function pairedBoardHref(boardId: string, token: string | null): string {
  return token ? shareLinkPath(boardId, token) : `/b/${boardId}`;
}
