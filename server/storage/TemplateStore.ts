/**
 * Boards saved as templates, on this server. A separate table with no foreign key to
 * `boards`: a template outlives the board it was saved from. The body is the template as JSON
 * (`BoardTemplate`, see shared/model/savedTemplate.ts); the server validates it when reading it
 * back, so a damaged row is skipped, never used. Stored by server/templates/TemplateRepository.ts.
 */
export interface TemplateStore {
  /** Stores a new template; fails if the id is taken. */
  addTemplate(template: StoredTemplate): Promise<void>;
  /** Every saved template, newest first. */
  listTemplates(): Promise<StoredTemplate[]>;
  getTemplate(id: string): Promise<StoredTemplate | null>;
  countTemplates(): Promise<number>;
  /** Removes a template; false if there was none with that id. */
  deleteTemplate(id: string): Promise<boolean>;
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
