import type pg from 'pg';
import type { StoredTemplate, TemplateStore } from './TemplateStore.ts';

const TEMPLATE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS board_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  source_board_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS board_templates_by_time ON board_templates (created_at);
`;

/** Saved templates in PostgresBoardStore's database (same pool, same schema). */
export class PostgresTemplateStore implements TemplateStore {
  private readonly pool: pg.Pool;

  /** Creates the table if missing; PostgresBoardStore.open calls it with its pool. */
  static async createTables(pool: pg.Pool | pg.PoolClient): Promise<void> {
    await pool.query(TEMPLATE_SCHEMA_SQL);
  }

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async addTemplate(t: StoredTemplate): Promise<void> {
    await this.pool.query(
      'INSERT INTO board_templates (id, name, description, source_board_id, created_at, body) VALUES ($1, $2, $3, $4, $5, $6)',
      [t.id, t.name, t.description, t.sourceBoardId, t.createdAt, t.body],
    );
  }

  async listTemplates(): Promise<StoredTemplate[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      'SELECT * FROM board_templates ORDER BY created_at DESC, id',
    );
    return rows.map(toTemplate);
  }

  async getTemplate(id: string): Promise<StoredTemplate | null> {
    const { rows } = await this.pool.query<Record<string, unknown>>('SELECT * FROM board_templates WHERE id = $1', [
      id,
    ]);
    return rows[0] ? toTemplate(rows[0]) : null;
  }

  async countTemplates(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM board_templates');
    return Number(rows[0]?.n ?? 0);
  }

  async deleteTemplate(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM board_templates WHERE id = $1', [id])).rowCount ?? 0) > 0;
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
