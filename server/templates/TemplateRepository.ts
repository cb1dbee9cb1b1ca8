import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';

export interface TemplateTables {
  board_templates: {
    id: string;
    name: string;
    description: string;
    source_board_id: string;
    created_at: number;
    body: string;
  };
}

export interface StoredTemplate {
  /** `saved-` and 12 base-36 characters. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The board it was saved from (kept for the record; that board may be gone). */
  readonly sourceBoardId: string;
  readonly createdAt: number;
  /** The template as JSON. */
  readonly body: string;
}

/**
 * Boards saved as templates, on this server (table: migrations/0003_templates.ts). No foreign key
 * to `boards`: a template outlives the board it was saved from. The body is the template as JSON
 * (`BoardTemplate`, see shared/model/savedTemplate.ts); the server validates it when reading it
 * back, so a damaged row is skipped, never used.
 */
export class TemplateRepository {
  readonly #db: Kysely<TemplateTables>;

  constructor(database: Database) {
    this.#db = database.kysely<TemplateTables>();
  }

  /** Stores a new template; fails if the id is taken. */
  async addTemplate(t: StoredTemplate): Promise<void> {
    await this.#db
      .insertInto('board_templates')
      .values({
        id: t.id,
        name: t.name,
        description: t.description,
        source_board_id: t.sourceBoardId,
        created_at: t.createdAt,
        body: t.body,
      })
      .execute();
  }

  /** Every saved template, newest first. */
  async listTemplates(): Promise<StoredTemplate[]> {
    const rows = await this.#db
      .selectFrom('board_templates')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toTemplate);
  }

  async getTemplate(id: string): Promise<StoredTemplate | null> {
    const row = await this.#db.selectFrom('board_templates').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  async countTemplates(): Promise<number> {
    const row = await this.#db
      .selectFrom('board_templates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Removes a template; false if there was none with that id. */
  async deleteTemplate(id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('board_templates').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toTemplate(r: TemplateTables['board_templates']): StoredTemplate {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    sourceBoardId: r.source_board_id,
    createdAt: Number(r.created_at),
    body: r.body,
  };
}
