import { expect, type Page } from '@playwright/test';
import type { JourneyboardTestApi } from '../client/testing/testApi.ts';
import { linkFor, type BoardLinks } from './server.ts';

type BoardInfo = ReturnType<JourneyboardTestApi['board']>;
type Rect = { x: number; y: number; width: number; height: number };

/** A board as a person sees it: actions go through the UI, reads through the typed test API. */
export class BoardPageObject {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens a board through its share link (the facilitator's unless `role` says otherwise). */
  async open(
    boardId: string,
    role: keyof BoardLinks = 'facilitator',
    { fit = true }: { fit?: boolean } = {},
  ): Promise<void> {
    await this.page.goto(linkFor(boardId, role));
    await this.waitReady({ fit });
  }

  /**
   * Waits for the board, then (unless `fit` is false) presses Fit: a board opens at a readable
   * zoom, showing its first stages only, and the tests reach every note on the screen.
   */
  async waitReady({ fit = true }: { fit?: boolean } = {}): Promise<void> {
    await expect(this.page.locator('.board-page[data-ready="true"]')).toBeVisible();
    await this.page.waitForFunction(() => window.__journeyboard !== undefined);
    const fitButton = this.page.getByTestId('fit');
    if (fit && (await fitButton.isVisible())) await fitButton.click();
  }

  /**
   * Reloads once the service worker is ready and waits until it controls the page: from then on
   * the app comes from it, as on a device that has opened Journeyboard before.
   */
  async reloadUnderServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.page.reload();
    await this.waitReady();
    await expect.poll(() => this.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  }

  board(): Promise<BoardInfo> {
    return this.page.evaluate(() => window.__journeyboard!.board());
  }

  async stage(name: string) {
    const s = (await this.board()).stages.find((x) => x.name === name);
    if (!s) throw new Error(`no stage ${name}`);
    return s;
  }

  async lane(name: string) {
    const l = (await this.board()).lanes.find((x) => x.name === name);
    if (!l) throw new Error(`no lane ${name}`);
    return l;
  }

  /** The opacity the note is drawn with, once it is drawn (1 unless a filter dims it). */
  noteOpacity(id: string): Promise<number> {
    return this.page
      .waitForFunction((noteId) => window.__journeyboard!.noteOpacity(noteId), id)
      .then((h) => h.jsonValue() as Promise<number>);
  }

  noteRect(id: string): Promise<Rect> {
    return this.page
      .waitForFunction((noteId) => window.__journeyboard!.noteRect(noteId), id)
      .then((h) => h.jsonValue() as Promise<Rect>);
  }

  cellRect(stageId: string, laneId: string): Promise<Rect> {
    return this.page
      .waitForFunction(([s, l]) => window.__journeyboard!.cellRect(s!, l!), [stageId, laneId])
      .then((h) => h.jsonValue() as Promise<Rect>);
  }

  /** Double-clicks an empty spot of a cell, types the text and closes the editor. Returns the new note id. */
  async addNote(stageName: string, laneName: string, text: string): Promise<string> {
    const [stage, lane] = [await this.stage(stageName), await this.lane(laneName)];
    const before = new Set((await this.board()).notes.map((n) => n.id));
    const cell = await this.cellRect(stage.id, lane.id);
    await this.page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
    const editor = this.page.getByTestId('note-editor');
    await expect(editor).toBeFocused();
    await editor.pressSequentially(text);
    await editor.press('Escape');
    await expect(editor).toBeHidden();
    const added = (await this.board()).notes.find((n) => !before.has(n.id));
    if (!added) throw new Error('no note was added');
    return added.id;
  }

  async editNote(id: string, text: string): Promise<void> {
    const r = await this.noteRect(id);
    await this.page.mouse.dblclick(r.x + r.width / 2, r.y + r.height / 2);
    const editor = this.page.getByTestId('note-editor');
    await expect(editor).toBeFocused();
    await editor.fill(text);
    await editor.press('Escape');
    await expect(editor).toBeHidden();
  }

  /** Drags a note by the mouse, in small steps, into a cell. */
  async dragNote(id: string, stageName: string, laneName: string): Promise<void> {
    const [stage, lane] = [await this.stage(stageName), await this.lane(laneName)];
    const from = await this.noteRect(id);
    const to = await this.cellRect(stage.id, lane.id);
    await this.page.mouse.move(from.x + 30, from.y + 30);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + 40, to.y + 40, { steps: 12 });
    await expect
      .poll(() => this.page.evaluate(() => window.__journeyboard!.canvasShapeCount('note')))
      .toBeGreaterThan(0);
    await this.page.mouse.up();
  }

  /** Selects a pain point or idea and makes it an action; resolves with the selection toolbar. */
  async makeAction(id: string) {
    const r = await this.noteRect(id);
    await this.page.mouse.click(r.x + 20, r.y + 20);
    const toolbar = this.page.getByTestId('selection-toolbar');
    await toolbar.getByTestId('make-action').click();
    return toolbar;
  }

  async noteById(id: string) {
    return (await this.board()).notes.find((n) => n.id === id);
  }

  connection(): Promise<string> {
    return this.page.evaluate(() => window.__journeyboard!.connection());
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}

/** The page object of one feature of an open board (voting, private writing, comments): it acts on the board's page. */
export abstract class BoardFeatureObject {
  readonly board: BoardPageObject;
  readonly page: Page;
  constructor(board: BoardPageObject) {
    this.board = board;
    this.page = board.page;
  }
}
