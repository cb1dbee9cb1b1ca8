import type { FutureStateRepository } from './FutureStateRepository.ts';

export type FutureStateLinks = Pick<FutureStateRepository, 'linkOf'>;

/**
 * The board whose share links and door open `boardId`: for a future-state board, its current
 * board; for any other board, itself. A future board has no links of its own, so whoever can open
 * the current board opens the future one with the same role, a rotation there closes both, and a
 * person removed from the current board, or waiting in its lobby, cannot go round through the future.
 */
export async function doorOf(states: FutureStateLinks | null | undefined, boardId: string): Promise<string> {
  const link = await states?.linkOf(boardId);
  return link && link.futureBoardId === boardId ? link.currentBoardId : boardId;
}
