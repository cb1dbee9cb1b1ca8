import type { DatabaseSync } from 'node:sqlite';
import type { StoredTemplate, TemplateStore } from './TemplateStore.ts';

// Saved templates; their own statement, so this schema merges cleanly with the others.
const TEMPLATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  source_board_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  body TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS board_templates_by_time ON board_templates (created_at);
`;

/** Saved templates in the SQLite file of SqliteBoardStore (same handle, same WAL). */
export class SqliteTemplateStore implements TemplateStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.db.exec(TEMPLATE_SCHEMA);
  }

  async addTemplate(t: StoredTemplate): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO board_templates (id, name, description, source_board_id, created_at, body) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(t.id, t.name, t.description, t.sourceBoardId, t.createdAt, t.body);
  }

  async listTemplates(): Promise<StoredTemplate[]> {
    return this.db.prepare('SELECT * FROM board_templates ORDER BY created_at DESC, id').all().map(toTemplate);
  }

  async getTemplate(id: string): Promise<StoredTemplate | null> {
    const row = this.db.prepare('SELECT * FROM board_templates WHERE id = ?').get(id);
    return row ? toTemplate(row) : null;
  }

  async countTemplates(): Promise<number> {
    return Number(this.db.prepare('SELECT count(*) AS n FROM board_templates').get()?.n ?? 0);
  }

  async deleteTemplate(id: string): Promise<boolean> {
    return Number(this.db.prepare('DELETE FROM board_templates WHERE id = ?').run(id).changes) > 0;
  }
}

function toTemplate(r: Record<string, unknown>): StoredTemplate {
  return {
    id: String(r.id),
    name: String(r.name),
    description: String(r.description),
    sourceBoardId: String(r.source_board_id),
    createdAt: Number(r.created_at),
    body: String(r.body),
  };
}
