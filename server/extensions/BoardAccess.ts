import type { afterStoreDocumentPayload, Extension, onAuthenticatePayload } from '@hocuspocus/server';
import {
  BoardNotFound,
  BoardUnreadable,
  StorageUnavailable,
  type CloseReason,
} from '../../shared/protocol/closeReasons.ts';
import { CorruptBoardError } from '../storage/BoardStore.ts';
import { type DocumentRepositories, documentStorage } from '../storage/documentStorage.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { log } from '../observability/log.ts';

const MAX_VERDICTS = 10_000;

export interface BoardAccessConfiguration {
  store: DocumentRepositories;
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

  private readonly store: DocumentRepositories;

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
    // decode for the first connection to an unloaded board; later connections skip it above, and
    // a board whose rows have not changed since it last decoded (or was stored) keeps that verdict.
    const kind = parseDocumentName(documentName).kind;
    const info = kind === 'board' ? await this.store.boards.getBoardInfo(storage.boardId) : null;
    if (kind === 'board' && !info) throw BoardNotFound;
    if (info && this.readable.get(storage.boardId) === info.updatedAt) return;
    let found: boolean;
    try {
      const loaded = await storage.load();
      found = loaded !== null;
      loaded?.doc.destroy();
    } catch (error) {
      this.readable.delete(storage.boardId);
      throw refusalForLoadFailure(documentName, error);
    }
    if (!found) throw BoardNotFound;
    if (info) this.remember(storage.boardId, info.updatedAt);
  }

  /** A board just stored from its live document is readable by construction: remember its rows' time. */
  async afterStoreDocument({ documentName }: afterStoreDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).kind !== 'board') return;
    const info = await this.store.boards.getBoardInfo(documentName).catch(() => null);
    if (info) this.remember(documentName, info.updatedAt);
  }

  /** Boards known readable, by the `updatedAt` their rows had then (any new row or compaction changes it). */
  private readonly readable = new Map<string, number>();

  private remember(boardId: string, updatedAt: number): void {
    if (this.readable.size >= MAX_VERDICTS) this.readable.delete(this.readable.keys().next().value!);
    this.readable.set(boardId, updatedAt);
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
