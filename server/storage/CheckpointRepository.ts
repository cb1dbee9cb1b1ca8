import { CHECKPOINT_KINDS, type CheckpointKindName } from '../../shared/protocol/checkpoints.ts';
import type { BoardInfo } from './BoardStore.ts';
import { blob, int } from './rows.ts';
import { Repository } from './Repository.ts';

/** Why a checkpoint was taken. Only `named` and `vote-reveal` are kept forever; the rest thin out with age. */
export type CheckpointKind = CheckpointKindName;

/** Tolerant read of a stored kind: an unknown value (a newer server wrote it) counts as automatic. */
function checkpointKindOf(value: unknown): CheckpointKind {
  return (CHECKPOINT_KINDS as readonly unknown[]).includes(value) ? (value as CheckpointKind) : 'activity';
}

export interface CheckpointInfo {
  readonly id: string;
  readonly boardId: string;
  readonly kind: CheckpointKind;
  /** The name someone gave it, or a generated description ("Before restoring …"). */
  readonly label: string;
  /** Who asked for it; null for automatic checkpoints. */
  readonly createdBy: { readonly id: string; readonly name: string } | null;
  readonly createdAt: number;
  /** Denormalised so the history list need not decode every state. */
  readonly noteCount: number;
}

export interface StoredCheckpoint extends CheckpointInfo {
  /** `Y.encodeStateAsUpdate` of the whole board. */
  readonly state: Uint8Array;
}

/** One board's rows as the restore-board tool keeps them before replacing its snapshot. */
export interface BoardDump {
  readonly board: BoardInfo & { readonly snapshot: Uint8Array };
  /** In log order. */
  readonly updates: readonly { readonly at: number; readonly update: Uint8Array }[];
  readonly checkpoints: readonly StoredCheckpoint[];
}

/** The table as the camelCase query builder names it (migrations/0002_checkpoints.ts). */
interface CheckpointTables {
  board_checkpoints: Omit<StoredCheckpoint, 'createdBy'> & { createdById: string | null; createdByName: string | null };
}

const INFO_COLUMNS = [
  'id',
  'boardId',
  'kind',
  'label',
  'createdById',
  'createdByName',
  'createdAt',
  'noteCount',
] as const;

/**
 * Version history (table: migrations/0002_checkpoints.ts). Checkpoints are full encoded states:
 * Hocuspocus documents use gc: true, so Yjs snapshots (`Y.createDocFromSnapshot`) cannot be used.
 */
export class CheckpointRepository extends Repository<CheckpointTables> {
  /** Stores a checkpoint; fails if the board does not exist or the id is taken. */
  async addCheckpoint(c: StoredCheckpoint): Promise<void> {
    await this.db
      .insertInto('board_checkpoints')
      .values({
        id: c.id,
        boardId: c.boardId,
        kind: c.kind,
        label: c.label,
        createdById: c.createdBy?.id ?? null,
        createdByName: c.createdBy?.name ?? null,
        createdAt: c.createdAt,
        noteCount: c.noteCount,
        state: c.state,
      })
      .execute();
  }

  /** The board's checkpoints without their state, newest first. */
  async listCheckpoints(boardId: string): Promise<CheckpointInfo[]> {
    const rows = await this.db
      .selectFrom('board_checkpoints')
      .select(INFO_COLUMNS)
      .where('boardId', '=', boardId)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toCheckpointInfo);
  }

  /** One checkpoint with its state, or null. */
  async getCheckpoint(boardId: string, checkpointId: string): Promise<StoredCheckpoint | null> {
    const row = await this.db
      .selectFrom('board_checkpoints')
      .selectAll()
      .where('boardId', '=', boardId)
      .where('id', '=', checkpointId)
      .executeTakeFirst();
    return row ? { ...toCheckpointInfo(row), state: blob(boardId, row.state, `checkpoint ${checkpointId}`) } : null;
  }

  async deleteCheckpoints(boardId: string, checkpointIds: readonly string[]): Promise<void> {
    if (checkpointIds.length === 0) return;
    await this.db
      .deleteFrom('board_checkpoints')
      .where('boardId', '=', boardId)
      .where('id', 'in', checkpointIds)
      .execute();
  }
}

function toCheckpointInfo(row: Omit<CheckpointTables['board_checkpoints'], 'state'>): CheckpointInfo {
  const { boardId, createdById, createdByName } = row;
  return {
    id: row.id,
    boardId,
    kind: checkpointKindOf(row.kind),
    label: typeof row.label === 'string' ? row.label : '',
    createdBy: typeof createdById === 'string' ? { id: createdById, name: String(createdByName ?? '') } : null,
    createdAt: int(boardId, row.createdAt, 'checkpoint created_at'),
    noteCount: int(boardId, row.noteCount, 'checkpoint note_count'),
  };
}
