import type * as Y from 'yjs';
import {
  boardTemplateSchema,
  isSavedTemplateId,
  randomId,
  readBoard,
  SAVED_TEMPLATE_PREFIX,
  templateFromBoard,
  type BoardTemplate,
} from '../../shared/index.ts';
import { MAX_SAVED_TEMPLATES, templateInfo } from '../../shared/protocol/templates.ts';
import type { TemplateInfo } from '../../shared/protocol/http.ts';
import type { TemplateRepository } from './TemplateRepository.ts';
import { log } from '../observability/log.ts';

export type SaveResult =
  | { readonly ok: true; readonly info: TemplateInfo }
  | { readonly ok: false; readonly reason: 'too-many-templates' };

/**
 * Boards saved as templates: what is kept (shared/model/savedTemplate.ts), where (the board
 * store's `templates` table) and reading them back (validated; a damaged row is skipped and logged).
 */
export class SavedTemplates {
  private readonly store: TemplateRepository;

  constructor(store: TemplateRepository) {
    this.store = store;
  }

  async save(
    boardId: string,
    doc: Y.Doc,
    request: { name?: string; description?: string },
    now = Date.now(),
  ): Promise<SaveResult> {
    if ((await this.store.countTemplates()) >= MAX_SAVED_TEMPLATES) return { ok: false, reason: 'too-many-templates' };
    const board = readBoard(doc);
    const name = request.name || board.meta.title.slice(0, 80) || 'Saved journey';
    const description = request.description || `Saved from the board “${board.meta.title.slice(0, 120)}”.`;
    const template = templateFromBoard(board, { id: `${SAVED_TEMPLATE_PREFIX}${randomId(12)}`, name, description });
    // What we store must read back: check it like a row read from the database.
    const checked = boardTemplateSchema.parse(template) as BoardTemplate;
    await this.store.addTemplate({
      id: checked.id,
      name,
      description,
      sourceBoardId: boardId,
      createdAt: now,
      body: JSON.stringify(checked),
    });
    return { ok: true, info: templateInfo(checked, 'saved', now, boardId) };
  }

  /** Newest first; rows that do not validate are left out. */
  async list(): Promise<TemplateInfo[]> {
    const out: TemplateInfo[] = [];
    for (const row of await this.store.listTemplates()) {
      const t = parse(row.id, row.body);
      if (t) out.push(templateInfo(t, 'saved', row.createdAt, row.sourceBoardId));
    }
    return out;
  }

  /** The board a saved template came from (whose facilitator may remove it), or null if there is no such template. */
  async sourceBoardOf(id: string): Promise<string | null> {
    if (!isSavedTemplateId(id)) return null;
    return (await this.store.getTemplate(id))?.sourceBoardId ?? null;
  }

  /** False if it was gone already. */
  remove(id: string): Promise<boolean> {
    return isSavedTemplateId(id) ? this.store.deleteTemplate(id) : Promise.resolve(false);
  }

  async find(id: string): Promise<BoardTemplate | undefined> {
    if (!isSavedTemplateId(id)) return undefined;
    const row = await this.store.getTemplate(id);
    return row ? parse(row.id, row.body) : undefined;
  }
}

function parse(id: string, body: string): BoardTemplate | undefined {
  try {
    const result = boardTemplateSchema.safeParse(JSON.parse(body));
    if (result.success && result.data.id === id) return result.data as BoardTemplate;
    log.error({ template: id }, 'saved template does not validate; skipped');
  } catch {
    log.error({ template: id }, 'saved template is not JSON; skipped');
  }
  return undefined;
}
