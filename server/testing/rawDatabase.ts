import { DatabaseSync } from 'node:sqlite';
import { sqlitePath } from '../storage/database.ts';

/**
 * Looks at (or damages) the SQLite file directly, from a second connection, the way an
 * operator or a disk fault would: tests check what is really on disk, not what the store says.
 */
export class RawDatabase {
  private readonly db: DatabaseSync;

  constructor(dataDir: string) {
    this.db = new DatabaseSync(sqlitePath(dataDir));
    this.db.exec('PRAGMA busy_timeout = 5000');
  }

  hasBoard(boardId: string): boolean {
    return this.db.prepare('SELECT 1 FROM boards WHERE id = ?').get(boardId) !== undefined;
  }

  boardCount(): number {
    return Number(this.db.prepare('SELECT count(*) AS n FROM boards').get()?.n);
  }

  logRowCount(boardId?: string): number {
    const row = boardId
      ? this.db.prepare('SELECT count(*) AS n FROM board_updates WHERE board_id = ?').get(boardId)
      : this.db.prepare('SELECT count(*) AS n FROM board_updates').get();
    return Number(row?.n);
  }

  snapshot(boardId: string): Uint8Array {
    const value = this.db.prepare('SELECT snapshot FROM boards WHERE id = ?').get(boardId)?.snapshot;
    if (!(value instanceof Uint8Array)) throw new Error(`No snapshot for ${boardId}`);
    return value;
  }

  setSnapshot(boardId: string, bytes: Uint8Array): void {
    this.db.prepare('UPDATE boards SET snapshot = ? WHERE id = ?').run(bytes, boardId);
  }

  close(): void {
    this.db.close();
  }
}
