import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { BoardNotFound, BoardUnreadable, StorageUnavailable, type CloseReason } from '../../shared/protocol/closeReasons.ts';
import { CorruptBoardError, type BoardStore } from '../storage/BoardStore.ts';
import { documentStorage } from '../storage/documentStorage.ts';
import { log } from '../observability/log.ts';

export interface BoardAccessConfiguration {
  store: BoardStore;
}

/**
 * Lets a connection through only to a board that exists and can be read.
 *
 * The refusal happens here, in onAuthenticate, and not in onLoadDocument: a throw in
 * onLoadDocument leaves the half-built Document (and its awareness timer) behind
 * (ueberdosis/hocuspocus#1156, still so in 4.7.0), and by then Hocuspocus has created it.
 * Refusing here creates nothing, stores nothing, and the provider receives the reason string.
 * It runs after RoleAccess: only a holder of a valid link and credential gets this far, so the
 * decode below is never spent on a stranger.
 */
export class BoardAccess implements Extension {
  extensionName = 'BoardAccess';
  // After RoleAccess (210), before every other onAuthenticate.
  priority = 200;

  private readonly store: BoardStore;

  constructor(configuration: BoardAccessConfiguration) {
    this.store = configuration.store;
  }

  async onAuthenticate({ documentName, instance }: onAuthenticatePayload): Promise<void> {
    // Refusals are thrown as the plain `{ code, reason }` constants: Hocuspocus sends `reason`
    // to the provider (ClientConnection: writePermissionDenied(error.reason)), and logs only
    // errors with a message, so a routine refusal is not reported as a failure.
    // The board (`<id>`) or one of its other documents (`<id>/comments`); anything else is no board.
    const storage = documentStorage(this.store, documentName);
    if (!storage) throw BoardNotFound;
    // Loaded, or being loaded for an earlier connection: that load decides (a failed load
    // refuses every connection waiting on it), so the board is not decoded twice.
    if (instance.documents.has(documentName) || instance.loadingDocuments.has(documentName)) return;

    // Decoding the whole board is the only way to know it is readable. It costs one extra
    // decode for the first connection to an unloaded board; later connections skip it above.
    let found: boolean;
    try {
      const loaded = await storage.load();
      found = loaded !== null;
      loaded?.doc.destroy();
    } catch (error) {
      throw refusalForLoadFailure(documentName, error);
    }
    if (!found) throw BoardNotFound;
  }
}

/** Logs why a stored board could not be loaded and picks the reason its clients are given. */
export function refusalForLoadFailure(boardId: string, error: unknown): CloseReason {
  if (error instanceof CorruptBoardError) {
    log.error({ board: boardId, err: error }, 'board refused: its stored data cannot be read');
    return BoardUnreadable;
  }
  log.error({ board: boardId, err: error }, 'board could not be read from storage');
  return StorageUnavailable;
}
