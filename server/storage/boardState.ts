import * as Y from 'yjs';
import type { BoardRepository } from './BoardRepository.ts';
import { initializeBoard, readMeta, type BoardTemplate } from '../../shared/index.ts';
import { CorruptBoardError, type BoardInfo, type NewBoard, type StoredBoard } from './BoardStore.ts';

/** A board read back from storage into a fresh document. */
export interface LoadedBoard {
  readonly doc: Y.Doc;
  readonly info: BoardInfo;
  /** The highest log seq the document contains; compaction may delete rows up to it. */
  readonly lastSeq: number;
  /** Every log seq the document contains (compaction with several instances deletes exactly these). */
  readonly seqs: readonly number[];
  /** Changes the log refers to but does not hold (see logGap); null when the board is whole. */
  readonly gap: LogGap | null;
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
 * Rebuilds a board's document: snapshot, then the log in order. Throws CorruptBoardError rather
 * than return a document that is not the board: bytes that do not decode, or a document that does
 * not name this board (e.g. an empty snapshot, or a gap that hides its meta). An empty board must
 * never stand in for real data. Updates whose dependencies are missing stay pending (logGap): the
 * rest of the board is served, and a client that holds the missing changes heals it.
 */
export function decodeBoard(stored: StoredBoard): Y.Doc {
  const doc = new Y.Doc();
  const fail = (detail: string, cause?: unknown): never => {
    doc.destroy();
    throw new CorruptBoardError(stored.id, detail, cause === undefined ? undefined : { cause });
  };
  try {
    Y.applyUpdate(doc, stored.snapshot);
  } catch (error) {
    fail(`its snapshot does not decode (${errorText(error)})`, error);
  }
  for (const { seq, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      fail(`logged update ${seq} does not decode (${errorText(error)})`, error);
    }
  }
  const boardId = readMeta(doc).boardId;
  if (boardId !== stored.id) fail(boardId ? `its document belongs to board ${boardId}` : 'its document holds no board');
  return doc;
}

/** Loads and decodes a board; null if it does not exist, CorruptBoardError if unreadable. */
export async function loadBoardDoc(
  store: { readonly boards: Pick<BoardRepository, 'loadBoard'> },
  boardId: string,
): Promise<LoadedBoard | null> {
  const stored = await store.boards.loadBoard(boardId);
  if (!stored) return null;
  const { id, title, createdAt, updatedAt } = stored;
  const doc = decodeBoard(stored);
  return {
    doc,
    info: { id, title, createdAt, updatedAt },
    lastSeq: stored.updates.at(-1)?.seq ?? 0,
    seqs: stored.updates.map((u) => u.seq),
    gap: logGap(doc),
  };
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
