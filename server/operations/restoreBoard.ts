import type { Repositories } from '../repositories/Repositories.ts';
import type * as Y from 'yjs';
import { readMeta, summarizeBoard } from '../../shared/index.ts';
import type { BoardDump } from '../storage/CheckpointRepository.ts';
import { decodeBoard } from '../storage/boardState.ts';

export type RestoreBoardResult =
  | {
      readonly ok: true;
      readonly checkpointId: string;
      readonly label: string;
      readonly createdAt: number;
      readonly notes: number;
      readonly previous: BoardDump;
    }
  | {
      readonly ok: false;
      readonly code: 'board-not-found' | 'no-good-checkpoint' | 'checkpoint-not-found';
      readonly message: string;
    };

/**
 * For a board whose stored data is corrupt (clients get `board-unreadable`): replaces its snapshot
 * with the newest checkpoint that decodes to this board (or the one named), and clears its log, in
 * one transaction. Returns the board's previous rows (`previous`) so the caller can keep them for
 * a closer look. Edits after that checkpoint are lost unless they are in a client's local copy;
 * clients that reconnect send theirs and they merge.
 */
export async function restoreBoardFromCheckpoint(
  store: Pick<Repositories, 'boards' | 'checkpoints'>,
  boardId: string,
  checkpointId?: string,
  now = Date.now(),
): Promise<RestoreBoardResult> {
  const rows = await store.boards.exportBoard(boardId);
  if (!rows) return { ok: false, code: 'board-not-found', message: `There is no board ${boardId}` };
  const listed = await store.checkpoints.listCheckpoints(boardId);
  const kept = await Promise.all(listed.map((c) => store.checkpoints.getCheckpoint(boardId, c.id).catch(() => null)));
  const previous: BoardDump = { ...rows, checkpoints: kept.filter((c) => c !== null) };
  const candidates = listed.filter((c) => !checkpointId || c.id === checkpointId);
  if (checkpointId && candidates.length === 0)
    return { ok: false, code: 'checkpoint-not-found', message: `Board ${boardId} has no checkpoint ${checkpointId}` };
  for (const info of candidates) {
    const cp = await store.checkpoints.getCheckpoint(boardId, info.id);
    if (!cp) continue;
    let doc: Y.Doc;
    try {
      doc = decodeBoard({ ...previous.board, snapshot: cp.state, updates: [] });
    } catch {
      continue; // this checkpoint is damaged too: try an older one
    }
    const notes = summarizeBoard(doc).counts.notes;
    const title = readMeta(doc).title;
    doc.destroy();
    await store.boards.compact(boardId, { snapshot: cp.state, title, upToSeq: Number.MAX_SAFE_INTEGER, at: now });
    return { ok: true, checkpointId: cp.id, label: cp.label, createdAt: cp.createdAt, notes, previous };
  }
  return { ok: false, code: 'no-good-checkpoint', message: `Board ${boardId} has no checkpoint that can be read` };
}
