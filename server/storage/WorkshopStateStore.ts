import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';

/**
 * The live-workshop state of each board (timer, lock, hidden cursors; shared/protocol/workshop.ts),
 * one JSON row per board beside the board, so it survives a restart and never sits in the board
 * document (which editors can write). The stores delegate here; the SQL of both lives in this file.
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

// ---- SQLite ----

export const SQLITE_WORKSHOP_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_workshop (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`;

export function sqliteLoadWorkshopState(db: DatabaseSync, boardId: string): unknown {
  const row = db.prepare('SELECT state FROM board_workshop WHERE board_id = ?').get(boardId);
  return row ? parseJson(row.state) : null;
}

export function sqliteSaveWorkshopState(db: DatabaseSync, boardId: string, state: unknown, at: number): void {
  db.prepare(
    `INSERT INTO board_workshop (board_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  ).run(boardId, JSON.stringify(state), at);
}

// ---- PostgreSQL ----

export const POSTGRES_WORKSHOP_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_workshop (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
`;

export async function postgresLoadWorkshopState(pool: Pick<pg.Pool, 'query'>, boardId: string): Promise<unknown> {
  const { rows } = await pool.query<{ state: unknown }>('SELECT state FROM board_workshop WHERE board_id = $1', [
    boardId,
  ]);
  return rows[0] ? parseJson(rows[0].state) : null;
}

export async function postgresSaveWorkshopState(
  pool: Pick<pg.Pool, 'query'>,
  boardId: string,
  state: unknown,
  at: number,
): Promise<void> {
  await pool.query(
    `INSERT INTO board_workshop (board_id, state, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (board_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [boardId, JSON.stringify(state), at],
  );
}

// Compared as JSON values (jsonb / json()), not as text: how the row was formatted does not matter.
export function sqliteReplaceWorkshopState(
  db: DatabaseSync,
  boardId: string,
  expected: unknown,
  state: unknown,
  at: number,
): boolean {
  const changed =
    expected === null
      ? db
          .prepare(
            'INSERT INTO board_workshop (board_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (board_id) DO NOTHING',
          )
          .run(boardId, JSON.stringify(state), at).changes
      : db
          .prepare('UPDATE board_workshop SET state = ?, updated_at = ? WHERE board_id = ? AND json(state) = json(?)')
          .run(JSON.stringify(state), at, boardId, JSON.stringify(expected)).changes;
  return Number(changed) === 1;
}

export async function postgresReplaceWorkshopState(
  pool: Pick<pg.Pool, 'query'>,
  boardId: string,
  expected: unknown,
  state: unknown,
  at: number,
): Promise<boolean> {
  const { rowCount } =
    expected === null
      ? await pool.query(
          'INSERT INTO board_workshop (board_id, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (board_id) DO NOTHING',
          [boardId, JSON.stringify(state), at],
        )
      : await pool.query(
          'UPDATE board_workshop SET state = $2, updated_at = $3 WHERE board_id = $1 AND state::jsonb = $4::jsonb',
          [boardId, JSON.stringify(state), at, JSON.stringify(expected)],
        );
  return rowCount === 1;
}

/** A row that is not JSON reads as "no state" (the default), never as an error. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
