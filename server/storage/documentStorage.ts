import * as Y from 'yjs';
import type { BoardDocumentStore } from './BoardDocumentStore.ts';
import type { BoardRepository } from './BoardRepository.ts';
import type { UnseenUpdates } from './SnapshotRevisions.ts';
import { readMeta } from '../../shared/index.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import type { BoardDocumentKind } from './BoardDocumentStore.ts';
import { CorruptBoardError } from './BoardStore.ts';
import { type LogGap, loadBoardDoc, logGap } from './boardState.ts';

/** A Hocuspocus document read back from storage into a fresh Y.Doc. */
export interface LoadedDocument {
  readonly doc: Y.Doc;
  /** The highest log seq the document contains; compaction may delete rows up to it. */
  readonly lastSeq: number;
  /** Every log seq the document contains (compaction with several instances deletes exactly these). */
  readonly seqs: readonly number[];
  /** Changes its log refers to but does not hold; null when it is whole (boardState.ts logGap). */
  readonly gap: LogGap | null;
}

/** Stored rows as they are, for merging into a live document (SnapshotRevisions.ts). */
interface StoredRows {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array }[];
}

/**
 * Where one Hocuspocus document is stored: the board itself (`<boardId>`: BoardRepository's board
 * methods) or one of its other documents (`<boardId>/comments`: the BoardDocumentStore methods).
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
  /** The stored snapshot and log; null if the board is gone. */
  loadRows(): Promise<StoredRows | null>;
  /** The revision and the log rows not in `known` (BoardRepository.ts UnseenUpdates). */
  unseen(known: ReadonlySet<number>): Promise<UnseenUpdates>;
}

/** The storage of a document name, or null for a name that is no board's document. */
/** The repositories that hold documents: boards and their other documents. */
export interface DocumentRepositories {
  readonly boards: BoardRepository;
  readonly documents: BoardDocumentStore;
}

export function documentStorage(store: DocumentRepositories, documentName: string): DocumentStorage | null {
  const { boardId, kind } = parseDocumentName(documentName);
  if (!isBoardId(boardId)) return null;
  if (kind === 'board') {
    return {
      boardId,
      kind,
      load: async () => {
        const loaded = await loadBoardDoc(store, boardId);
        return loaded && { doc: loaded.doc, lastSeq: loaded.lastSeq, seqs: loaded.seqs, gap: loaded.gap };
      },
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

/**
 * Rebuilds a board's other document: snapshot (if any), then its log in order. Like decodeBoard,
 * it throws CorruptBoardError for bytes that do not decode and keeps updates whose dependencies
 * are missing pending (`gap`). A board with no such rows yet gets an empty doc.
 */
export async function loadBoardDocumentDoc(
  store: DocumentRepositories,
  boardId: string,
  kind: BoardDocumentKind,
): Promise<LoadedDocument | null> {
  const stored = await store.documents.loadBoardDocument(boardId, kind);
  if (!stored) return null;
  const doc = new Y.Doc();
  const fail = (detail: string, cause: unknown): never => {
    doc.destroy();
    throw new CorruptBoardError(boardId, `its ${kind} ${detail}`, cause === undefined ? undefined : { cause });
  };
  if (stored.snapshot) {
    try {
      Y.applyUpdate(doc, stored.snapshot);
    } catch (error) {
      fail('snapshot does not decode', error);
    }
  }
  for (const { seq, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      fail(`update ${seq} does not decode`, error);
    }
  }
  return { doc, lastSeq: stored.updates.at(-1)?.seq ?? 0, seqs: stored.updates.map((u) => u.seq), gap: logGap(doc) };
}
