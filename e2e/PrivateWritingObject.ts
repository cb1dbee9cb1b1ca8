import { expect, type Locator } from '@playwright/test';
import type { JourneyboardTestApi } from '../client/testing/testApi.ts';
import { BoardFeatureObject } from './BoardPageObject.ts';

type PrivateState = ReturnType<JourneyboardTestApi['privateWriting']>;

/** Private writing as a person does it: the Facilitate popover, double-clicks, the draft editor, the bar. */
export class PrivateWritingObject extends BoardFeatureObject {
  get bar(): Locator {
    return this.page.getByTestId('private-writing-bar');
  }

  state(): Promise<PrivateState> {
    return this.page.evaluate(() => window.__journeyboard!.privateWriting());
  }

  /** Facilitator: Facilitate → Start private writing; waits for the bar. */
  async start(): Promise<void> {
    await this.page.getByTestId('facilitate-button').click();
    await this.page.getByTestId('private-start').click();
    // Starting closes the popover.
    await expect(this.page.getByTestId('facilitate-panel')).toBeHidden();
    await expect(this.bar).toBeVisible();
  }

  /** Double-clicks an empty spot of a cell, types, leaves the editor; resolves with the draft once the server has it. */
  async addDraft(stageName: string, laneName: string, text: string): Promise<PrivateState['drafts'][number]> {
    const [stage, lane] = [await this.board.stage(stageName), await this.board.lane(laneName)];
    const before = new Set((await this.state()).drafts.map((d) => d.id));
    const cell = await this.board.cellRect(stage.id, lane.id);
    await this.page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
    const editor = this.page.getByTestId('draft-editor');
    await expect(editor).toBeFocused();
    await editor.pressSequentially(text);
    await editor.press('Escape');
    await expect(editor).toBeHidden();
    return expect
      .poll(async () => (await this.state()).drafts.find((d) => !before.has(d.id) && d.text === text))
      .toBeTruthy()
      .then(async () => (await this.state()).drafts.find((d) => !before.has(d.id) && d.text === text)!);
  }

  /** Drags my draft by the mouse into a cell. */
  async dragDraft(id: string, stageName: string, laneName: string): Promise<void> {
    const [stage, lane] = [await this.board.stage(stageName), await this.board.lane(laneName)];
    const from = (await this.state()).drafts.find((d) => d.id === id)!.rect!;
    const to = await this.board.cellRect(stage.id, lane.id);
    await this.page.mouse.move(from.x + 30, from.y + 30);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + 40, to.y + 40, { steps: 12 });
    await this.page.mouse.up();
    await expect.poll(async () => (await this.state()).drafts.find((d) => d.id === id)?.stageId).toBe(stage.id);
  }

  /** Every text Konva draws on this page's canvas. */
  canvasTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      window.__journeyboard!.probeNotes();
      return (window.Konva!.stages[0]?.find('Text') ?? []).map((t) => (t as unknown as { text(): string }).text());
    });
  }
}
