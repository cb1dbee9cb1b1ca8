import { expect, type Locator } from '@playwright/test';
import { BoardFeatureObject } from './BoardPageObject.ts';

/** Comments as a person uses them: the popover, the panel and the top-bar toggle. */
export class CommentsObject extends BoardFeatureObject {
  get popover(): Locator {
    return this.page.getByTestId('thread-popover');
  }
  get panel(): Locator {
    return this.page.getByTestId('comments-panel');
  }
  get unreadCount(): Locator {
    return this.page.getByTestId('comments-unread');
  }

  /** Selects the note by a click and opens its threads with the "Comment" button beside it. */
  async openOnNote(noteId: string): Promise<void> {
    const r = await this.board.noteRect(noteId);
    await this.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await this.page.getByTestId('comment-anchor').click();
    await expect(this.popover).toBeVisible();
  }

  /** Types into a comment box; `@Name` parts are picked from the mention suggestions. */
  async type(box: Locator, text: string): Promise<void> {
    const parts = text.split(/(@\w+)/);
    for (const part of parts) {
      if (part.startsWith('@')) {
        await box.pressSequentially(part);
        const option = this.page.getByTestId('mention-suggestions').getByRole('option').first();
        await expect(option).toContainText(part.slice(1));
        await option.click();
      } else if (part) {
        // A line break is Shift+Enter (Enter sends).
        const lines = part.split('\n');
        for (const [i, line] of lines.entries()) {
          if (i > 0) await box.press('Shift+Enter');
          if (line) await box.pressSequentially(line);
        }
      }
    }
  }

  async startThread(text: string): Promise<void> {
    const more = this.popover.getByTestId('new-thread-open');
    if (await more.isVisible()) await more.click();
    const box = this.popover.getByTestId('new-thread-input');
    await this.type(box, text);
    await box.press('Enter');
    await expect(this.popover.getByTestId('thread').last()).toBeVisible();
  }

  async reply(text: string, thread = this.popover.getByTestId('thread').first()): Promise<void> {
    const box = thread.getByTestId('reply-input');
    await this.type(box, text);
    await box.press('Enter');
  }

  async openPanel(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.getByTestId('comments-toggle').click();
    await expect(this.panel).toBeVisible();
  }

  async filter(name: 'open' | 'resolved' | 'mine' | 'mentions'): Promise<void> {
    await this.panel.getByTestId(`filter-${name}`).click();
  }

  rows(): Locator {
    return this.panel.getByTestId('thread-row');
  }

  /** Where a note's comment badge is drawn, in page coordinates (through Konva's own API). */
  badgeCentre(noteId: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate((id) => {
      const stage = window.Konva!.stages[0]!;
      const badge = stage.findOne(`.comment-badge-${id}`);
      if (!badge) throw new Error(`no comment badge on ${id}`);
      const r = badge.getClientRect();
      const box = stage.container().getBoundingClientRect();
      return { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 };
    }, noteId);
  }

  badgeCount(noteId: string): Promise<number> {
    return this.page.evaluate((id) => window.__journeyboard!.canvasShapeCount(`comment-badge-${id}`), noteId);
  }
}
