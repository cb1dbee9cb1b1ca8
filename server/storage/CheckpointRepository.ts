import type { Kysely } from 'kysely';
import { type CheckpointInfo, checkpointKindOf, type StoredCheckpoint } from './CheckpointStore.ts';
import type { Database } from './database.ts';
import { blob, int } from './rows.ts';

export interface CheckpointTables {
  board_checkpoints: {
    id: string;
    board_id: string;
    kind: string;
    label: string;
    created_by_id: string | null;
    created_by_name: string | null;
    created_at: number;
    note_count: number;
    state: Uint8Array;
  };
}

const INFO_COLUMNS = [
  'id',
  'board_id',
  'kind',
  'label',
  'created_by_id',
  'created_by_name',
  'created_at',
  'note_count',
] as const;

/** Version history (CheckpointStore.ts; table: migrations/0002_checkpoints.ts). */
export class CheckpointRepository {
  readonly #db: Kysely<CheckpointTables>;

  constructor(database: Database) {
    this.#db = database.kysely<CheckpointTables>();
  }

  /** Stores a checkpoint; fails if the board does not exist or the id is taken. */
  async addCheckpoint(c: StoredCheckpoint): Promise<void> {
    await this.#db
      .insertInto('board_checkpoints')
      .values({
        id: c.id,
        board_id: c.boardId,
        kind: c.kind,
        label: c.label,
        created_by_id: c.createdBy?.id ?? null,
        created_by_name: c.createdBy?.name ?? null,
        created_at: c.createdAt,
        note_count: c.noteCount,
        state: c.state,
      })
      .execute();
  }

  /** The board's checkpoints without their state, newest first. */
  async listCheckpoints(boardId: string): Promise<CheckpointInfo[]> {
    const rows = await this.#db
      .selectFrom('board_checkpoints')
      .select(INFO_COLUMNS)
      .where('board_id', '=', boardId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toCheckpointInfo);
  }

  /** One checkpoint with its state, or null. */
  async getCheckpoint(boardId: string, checkpointId: string): Promise<StoredCheckpoint | null> {
    const row = await this.#db
      .selectFrom('board_checkpoints')
      .selectAll()
      .where('board_id', '=', boardId)
      .where('id', '=', checkpointId)
      .executeTakeFirst();
    return row ? { ...toCheckpointInfo(row), state: blob(boardId, row.state, `checkpoint ${checkpointId}`) } : null;
  }

  async deleteCheckpoints(boardId: string, checkpointIds: readonly string[]): Promise<void> {
    if (checkpointIds.length === 0) return;
    await this.#db
      .deleteFrom('board_checkpoints')
      .where('board_id', '=', boardId)
      .where('id', 'in', checkpointIds)
      .execute();
  }
}

function toCheckpointInfo(row: Omit<CheckpointTables['board_checkpoints'], 'state'>): CheckpointInfo {
  const boardId = row.board_id;
  return {
    id: row.id,
    boardId,
    kind: checkpointKindOf(row.kind),
    label: typeof row.label === 'string' ? row.label : '',
    createdBy:
      typeof row.created_by_id === 'string' ? { id: row.created_by_id, name: String(row.created_by_name ?? '') } : null,
    createdAt: int(boardId, row.created_at, 'checkpoint created_at'),
    noteCount: int(boardId, row.note_count, 'checkpoint note_count'),
  };
}
