import type { DatabaseSync } from 'node:sqlite';
import type { NoteChange } from '../../shared/protocol/visits.ts';
import type { ActivityEvent, ActivityStore, VisitPerson, VisitRecord } from './ActivityStore.ts';

export const ACTIVITY_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_visits (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, person_id)
) STRICT;
CREATE TABLE IF NOT EXISTS thread_reads (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, person_id, thread_id)
) STRICT;
CREATE TABLE IF NOT EXISTS board_activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  note_id TEXT NOT NULL,
  change TEXT NOT NULL,
  label TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS board_activity_by_time ON board_activity (board_id, at);
`;

/** ActivityStore on SQLite (SqliteBoardStore delegates). */
export class SqliteActivity implements ActivityStore {
  private readonly db: DatabaseSync;
  private readonly transaction: <T>(fn: () => T) => T;

  constructor(db: DatabaseSync, transaction: <T>(fn: () => T) => T) {
    this.db = db;
    this.transaction = transaction;
    db.exec(ACTIVITY_SCHEMA);
    // Databases made before identities lack the column (CREATE TABLE IF NOT EXISTS adds none).
    const columns = db
      .prepare('PRAGMA table_info(board_activity)')
      .all()
      .map((c) => String(c.name));
    if (!columns.includes('by_person')) db.exec('ALTER TABLE board_activity ADD COLUMN by_person TEXT');
  }

  async recordVisit(boardId: string, person: VisitPerson, at: number): Promise<VisitRecord> {
    return this.transaction(() => {
      const row = this.db
        .prepare('SELECT first_seen_at, last_seen_at FROM board_visits WHERE board_id = ? AND person_id = ?')
        .get(boardId, person.id);
      this.db
        .prepare(
          `INSERT INTO board_visits (board_id, person_id, name, department, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (board_id, person_id) DO UPDATE SET name = excluded.name, department = excluded.department, last_seen_at = max(last_seen_at, excluded.last_seen_at)`,
        )
        .run(boardId, person.id, person.name, person.department, at, at);
      return row
        ? { firstSeenAt: Number(row.first_seen_at), previousSeenAt: Number(row.last_seen_at) }
        : { firstSeenAt: at, previousSeenAt: null };
    });
  }

  async touchVisit(boardId: string, personId: string, at: number): Promise<void> {
    this.db
      .prepare('UPDATE board_visits SET last_seen_at = max(last_seen_at, ?) WHERE board_id = ? AND person_id = ?')
      .run(at, boardId, personId);
  }

  async loadThreadReads(boardId: string, personId: string): Promise<Record<string, number>> {
    const rows = this.db
      .prepare('SELECT thread_id, read_at FROM thread_reads WHERE board_id = ? AND person_id = ?')
      .all(boardId, personId);
    return Object.fromEntries(rows.map((r) => [String(r.thread_id), Number(r.read_at)]));
  }

  async markThreadRead(boardId: string, personId: string, threadId: string, at: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO thread_reads (board_id, person_id, thread_id, read_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id, person_id, thread_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
      )
      .run(boardId, personId, threadId, at);
  }

  async appendActivity(boardId: string, events: readonly ActivityEvent[]): Promise<void> {
    const insert = this.db.prepare(
      'INSERT INTO board_activity (board_id, at, note_id, change, label, by_person) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.transaction(() => events.forEach((e) => insert.run(boardId, e.at, e.noteId, e.change, e.label, e.by)));
  }

  async pruneActivity(boardId: string, before: number): Promise<void> {
    this.db.prepare('DELETE FROM board_activity WHERE board_id = ? AND at < ?').run(boardId, before);
  }

  async listActivity(boardId: string, since: number, limit: number): Promise<ActivityEvent[]> {
    const rows = this.db
      .prepare(
        'SELECT at, note_id, change, label, by_person FROM board_activity WHERE board_id = ? AND at > ? ORDER BY seq LIMIT ?',
      )
      .all(boardId, since, limit);
    return rows.map((r) => ({
      at: Number(r.at),
      noteId: String(r.note_id),
      change: String(r.change) as NoteChange,
      label: String(r.label),
      by: r.by_person === null ? null : String(r.by_person),
    }));
  }
}
