import type * as Y from 'yjs';
import type { BoardDocumentRepository, StoredBoardDocument } from './BoardDocumentRepository.ts';
import type { BoardRepository } from './BoardRepository.ts';
import type { UnseenUpdates } from './SnapshotRevisions.ts';
import { readMeta } from '../../shared/index.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import type { BoardDocumentKind } from './BoardStore.ts';
import { decodeStored, type LoadedDocument, loadBoardDoc, loadedFrom } from './boardState.ts';

/**
 * Where one Hocuspocus document is stored: the board itself (`<boardId>`: BoardRepository's board
 * methods) or one of its other documents (`<boardId>/comments`: BoardDocumentRepository).
 * Persistence and BoardAccess work through this, so every document gets the same guarantees.
 */
export interface DocumentStorage {
  readonly boardId: string;
  readonly kind: 'board' | BoardDocumentKind;
  /** null when the board does not exist; throws CorruptBoardError when its rows do not decode. */
  load(): Promise<LoadedDocument | null>;
  append(update: Uint8Array, at: number): Promise<number>;
  compact(doc: Y.Doc, snapshot: Uint8Array, upToSeq: number, at: number): Promise<void>;
  /** The stored snapshot's revision (SnapshotRevisions.ts). */
  revision(): Promise<number>;
  /** Writes the snapshot only at `expectedRevision`, deleting exactly `seqs`; the new revision or null. */
  compactIfCurrent(
    doc: Y.Doc,
    snapshot: Uint8Array,
    seqs: readonly number[],
    expectedRevision: number,
    at: number,
  ): Promise<number | null>;
  /** The stored snapshot and log as they are, for merging into a live document; null if the board is gone. */
  loadRows(): Promise<StoredBoardDocument | null>;
  /** The revision and the log rows not in `known` (BoardRepository.ts UnseenUpdates). */
  unseen(known: ReadonlySet<number>): Promise<UnseenUpdates>;
}

/** The repositories that hold documents: boards and their other documents. */
export interface DocumentRepositories {
  readonly boards: BoardRepository;
  readonly documents: BoardDocumentRepository;
}

/** The storage of a document name, or null for a name that is no board's document. */
export function documentStorage(store: DocumentRepositories, documentName: string): DocumentStorage | null {
  const { boardId, kind } = parseDocumentName(documentName);
  if (!isBoardId(boardId)) return null;
  if (kind === 'board') {
    return {
      boardId,
      kind,
      load: () => loadBoardDoc(store, boardId),
      append: (update, at) => store.boards.appendUpdate(boardId, update, at),
      compact: (doc, snapshot, upToSeq, at) =>
        store.boards.compact(boardId, { snapshot, title: readMeta(doc).title, upToSeq, at }),
      revision: () => store.boards.snapshotRevision(boardId),
      compactIfCurrent: (doc, snapshot, seqs, expectedRevision, at) =>
        store.boards.compactIfCurrent(boardId, { snapshot, title: readMeta(doc).title, seqs, expectedRevision, at }),
      loadRows: () => store.boards.loadBoard(boardId),
      unseen: (known) => store.boards.unseenUpdates(boardId, known),
    };
  }
  return {
    boardId,
    kind,
    load: () => loadBoardDocumentDoc(store, boardId, kind),
    append: (update, at) => store.documents.appendBoardDocumentUpdate(boardId, kind, update, at),
    compact: (_doc, snapshot, upToSeq, at) =>
      store.documents.compactBoardDocument(boardId, kind, { snapshot, upToSeq, at }),
    revision: () => store.boards.snapshotRevision(boardId, kind),
    compactIfCurrent: (_doc, snapshot, seqs, expectedRevision, at) =>
      store.documents.compactBoardDocumentIfCurrent(boardId, kind, { snapshot, seqs, expectedRevision, at }),
    loadRows: () => store.documents.loadBoardDocument(boardId, kind),
    unseen: (known) => store.documents.unseenDocumentUpdates(boardId, kind, known),
  };
}

/** Rebuilds a board's other document (decodeStored); a board with no such rows yet gets an empty doc. */
export async function loadBoardDocumentDoc(
  store: DocumentRepositories,
  boardId: string,
  kind: BoardDocumentKind,
): Promise<LoadedDocument | null> {
  const stored = await store.documents.loadBoardDocument(boardId, kind);
  return stored && loadedFrom(decodeStored(boardId, kind, stored), stored.updates);
}
