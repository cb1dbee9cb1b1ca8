import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';
import type { StoredTemplate, TemplateStore } from '../storage/TemplateStore.ts';

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

/** Boards saved as templates (TemplateStore.ts; table: migrations/0003_templates.ts). */
export class TemplateRepository implements TemplateStore {
  readonly #db: Kysely<TemplateTables>;

  constructor(database: Database) {
    this.#db = database.kysely<TemplateTables>();
  }

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
