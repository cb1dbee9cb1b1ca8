import { Repository } from '../storage/Repository.ts';

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
 * Boards saved as templates, on this server (table: migrations/0003_templates.ts, a row is a
 * StoredTemplate). No foreign key to `boards`: a template outlives the board it was saved from. The
 * body is the template as JSON (`BoardTemplate`, see shared/model/savedTemplate.ts); the server
 * validates it when reading it back, so a damaged row is skipped, never used.
 */
export class TemplateRepository extends Repository<{ board_templates: StoredTemplate }> {
  /** Stores a new template; fails if the id is taken. */
  async addTemplate(t: StoredTemplate): Promise<void> {
    await this.db.insertInto('board_templates').values(t).execute();
  }

  /** Every saved template, newest first. */
  async listTemplates(): Promise<StoredTemplate[]> {
    return this.db.selectFrom('board_templates').selectAll().orderBy('createdAt', 'desc').orderBy('id').execute();
  }

  async getTemplate(id: string): Promise<StoredTemplate | null> {
    return (await this.db.selectFrom('board_templates').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async countTemplates(): Promise<number> {
    const row = await this.db
      .selectFrom('board_templates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Removes a template; false if there was none with that id. */
  async deleteTemplate(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('board_templates').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
