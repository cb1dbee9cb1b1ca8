/**
 * The live-workshop state of each board (timer, lock, hidden cursors; shared/protocol/workshop.ts),
 * one JSON row per board beside the board, so it survives a restart and never sits in the board
 * document (which editors can write). Stored by WorkshopStateRepository.ts.
 */
export interface WorkshopStateStore {
  /** The stored state as parsed JSON (read it tolerantly), or null if the board has none. */
  loadWorkshopState(boardId: string): Promise<unknown>;
  /** Inserts or replaces the board's state; durable when it resolves. Fails if the board does not exist. */
  saveWorkshopState(boardId: string, state: unknown, at: number): Promise<void>;
  /**
   * Compare-and-set, for several instances: writes `state` only if the stored state still equals
   * `expected` (as loadWorkshopState returned it; null = no row yet). Resolves false, writing
   * nothing, if another writer came first.
   */
  replaceWorkshopState(boardId: string, expected: unknown, state: unknown, at: number): Promise<boolean>;
}
