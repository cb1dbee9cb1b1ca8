import * as Y from 'yjs';
import type { BoardRepository } from './BoardRepository.ts';
import { initializeBoard, readMeta, type BoardTemplate } from '../../shared/index.ts';
import { type BoardInfo, CorruptBoardError, type LoggedUpdate, type NewBoard, type StoredBoard } from './BoardStore.ts';

/** A Hocuspocus document read back from storage into a fresh Y.Doc. */
export interface LoadedDocument {
  readonly doc: Y.Doc;
  /** The highest log seq the document contains; compaction may delete rows up to it. */
  readonly lastSeq: number;
  /** Every log seq the document contains (compaction with several instances deletes exactly these). */
  readonly seqs: readonly number[];
  /** Changes the log refers to but does not hold (see logGap); null when the document is whole. */
  readonly gap: LogGap | null;
}

/** A board read back from storage into a fresh document. */
export interface LoadedBoard extends LoadedDocument {
  readonly info: BoardInfo;
}

/** A decoded document and what its log says of it. */
export function loadedFrom(doc: Y.Doc, updates: readonly LoggedUpdate[]): LoadedDocument {
  return { doc, lastSeq: updates.at(-1)?.seq ?? 0, seqs: updates.map((u) => u.seq), gap: logGap(doc) };
}

/**
 * What a loaded document still waits for: updates whose dependencies are not in the log (an
 * instance died between relaying an edit and logging it, before this one logged it too). Yjs keeps
 * such updates pending, invisible, and applies them as soon as the missing changes arrive, for
 * example from a client that holds them and syncs; the snapshot a compaction writes keeps them.
 */
export interface LogGap {
  /** The first missing clock per client whose changes are missing. */
  readonly missing: readonly (readonly [client: number, clock: number])[];
  /** Deletions of items the document does not have yet. */
  readonly pendingDeletes: boolean;
}

/** The gap of a document, or null when nothing is pending. */
export function logGap(doc: Y.Doc): LogGap | null {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return null;
  return { missing: [...(pendingStructs?.missing ?? new Map<number, number>())], pendingDeletes: pendingDs !== null };
}

/**
 * A fresh document from a stored snapshot (if any) and log, in order. Throws CorruptBoardError for
 * bytes that do not decode. Updates whose dependencies are missing stay pending (logGap): the rest
 * is served, and a client that holds the missing changes heals it. `kind` names another document
 * of the board (its comments) in the error; null for the board itself.
 */
export function decodeStored(
  boardId: string,
  kind: string | null,
  stored: { readonly snapshot: Uint8Array | null; readonly updates: readonly LoggedUpdate[] },
): Y.Doc {
  const doc = new Y.Doc();
  const fail = (detail: string, cause?: unknown): never => {
    doc.destroy();
    throw new CorruptBoardError(boardId, detail, cause === undefined ? undefined : { cause });
  };
  const apply = (update: Uint8Array, name: string) => {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      fail(`${name} does not decode (${error instanceof Error ? error.message : String(error)})`, error);
    }
  };
  const prefix = kind ? `its ${kind} ` : 'its ';
  if (stored.snapshot) apply(stored.snapshot, `${prefix}snapshot`);
  for (const { seq, update } of stored.updates) apply(update, kind ? `${prefix}update ${seq}` : `logged update ${seq}`);
  return doc;
}

/**
 * Rebuilds a board's document (decodeStored), and throws CorruptBoardError too for a document that
 * does not name this board (e.g. an empty snapshot, or a gap that hides its meta): an empty board
 * must never stand in for real data.
 */
export function decodeBoard(stored: StoredBoard): Y.Doc {
  const doc = decodeStored(stored.id, null, stored);
  const boardId = readMeta(doc).boardId;
  if (boardId === stored.id) return doc;
  doc.destroy();
  throw new CorruptBoardError(
    stored.id,
    boardId ? `its document belongs to board ${boardId}` : 'its document holds no board',
  );
}

/** Loads and decodes a board; null if it does not exist, CorruptBoardError if unreadable. */
export async function loadBoardDoc(
  store: { readonly boards: Pick<BoardRepository, 'loadBoard'> },
  boardId: string,
): Promise<LoadedBoard | null> {
  const stored = await store.boards.loadBoard(boardId);
  if (!stored) return null;
  const { id, title, createdAt, updatedAt } = stored;
  return { ...loadedFrom(decodeBoard(stored), stored.updates), info: { id, title, createdAt, updatedAt } };
}

export interface NewBoardInput {
  readonly boardId: string;
  readonly title: string;
  readonly template: BoardTemplate;
  readonly now: number;
}

/** The stored form of a new board: the shared model writes it, we keep its encoded state. */
export function newBoardRow(input: NewBoardInput): NewBoard {
  const doc = new Y.Doc();
  try {
    initializeBoard(doc, input);
    return { id: input.boardId, title: input.title, createdAt: input.now, snapshot: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}
