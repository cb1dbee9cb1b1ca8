import type pg from 'pg';
import type { NoteChange } from '../../shared/protocol/visits.ts';
import type { ActivityEvent, ActivityStore, VisitPerson, VisitRecord } from './ActivityStore.ts';

export const PG_ACTIVITY_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_visits (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, person_id)
);
CREATE TABLE IF NOT EXISTS thread_reads (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  read_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, person_id, thread_id)
);
CREATE TABLE IF NOT EXISTS board_activity (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  note_id TEXT NOT NULL,
  change TEXT NOT NULL,
  label TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS board_activity_by_time ON board_activity (board_id, at);
ALTER TABLE board_activity ADD COLUMN IF NOT EXISTS by_person TEXT;
`;

type Row = Record<string, unknown>;

/** ActivityStore on PostgreSQL (PostgresBoardStore delegates). */
export class PostgresActivity implements ActivityStore {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async recordVisit(boardId: string, person: VisitPerson, at: number): Promise<VisitRecord> {
    // One statement: the row as it was (if any) and the upsert, atomically.
    const { rows } = await this.pool.query<Row>(
      `WITH before AS (SELECT first_seen_at, last_seen_at FROM board_visits WHERE board_id = $1 AND person_id = $2),
       up AS (INSERT INTO board_visits (board_id, person_id, name, department, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)
              ON CONFLICT (board_id, person_id) DO UPDATE SET name = EXCLUDED.name, department = EXCLUDED.department,
              last_seen_at = GREATEST(board_visits.last_seen_at, EXCLUDED.last_seen_at) RETURNING 1)
       SELECT (SELECT first_seen_at FROM before) AS first_seen_at, (SELECT last_seen_at FROM before) AS last_seen_at, (SELECT count(*) FROM up) AS n`,
      [boardId, person.id, person.name, person.department, at],
    );
    const row = rows[0];
    return row?.first_seen_at != null
      ? { firstSeenAt: Number(row.first_seen_at), previousSeenAt: Number(row.last_seen_at) }
      : { firstSeenAt: at, previousSeenAt: null };
  }

  async touchVisit(boardId: string, personId: string, at: number): Promise<void> {
    await this.pool.query(
      'UPDATE board_visits SET last_seen_at = GREATEST(last_seen_at, $1) WHERE board_id = $2 AND person_id = $3',
      [at, boardId, personId],
    );
  }

  async loadThreadReads(boardId: string, personId: string): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<Row>(
      'SELECT thread_id, read_at FROM thread_reads WHERE board_id = $1 AND person_id = $2',
      [boardId, personId],
    );
    return Object.fromEntries(rows.map((r) => [String(r.thread_id), Number(r.read_at)]));
  }

  async markThreadRead(boardId: string, personId: string, threadId: string, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO thread_reads (board_id, person_id, thread_id, read_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (board_id, person_id, thread_id) DO UPDATE SET read_at = GREATEST(thread_reads.read_at, EXCLUDED.read_at)`,
      [boardId, personId, threadId, at],
    );
  }

  async appendActivity(boardId: string, events: readonly ActivityEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.pool.query(
      'INSERT INTO board_activity (board_id, at, note_id, change, label, by_person) SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])',
      [
        boardId,
        events.map((e) => e.at),
        events.map((e) => e.noteId),
        events.map((e) => e.change),
        events.map((e) => e.label),
        events.map((e) => e.by),
      ],
    );
  }

  async pruneActivity(boardId: string, before: number): Promise<void> {
    await this.pool.query('DELETE FROM board_activity WHERE board_id = $1 AND at < $2', [boardId, before]);
  }

  async listActivity(boardId: string, since: number, limit: number): Promise<ActivityEvent[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT at, note_id, change, label, by_person FROM board_activity WHERE board_id = $1 AND at > $2 ORDER BY seq LIMIT $3',
      [boardId, since, limit],
    );
    return rows.map((r) => ({
      at: Number(r.at),
      noteId: String(r.note_id),
      change: String(r.change) as NoteChange,
      label: String(r.label),
      by: r.by_person === null || r.by_person === undefined ? null : String(r.by_person),
    }));
  }
}
