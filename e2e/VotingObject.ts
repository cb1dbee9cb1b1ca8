import { expect, type Locator } from '@playwright/test';
import type { VotingTestState } from '../client/board/voting/testState.ts';
import { BoardFeatureObject } from './BoardPageObject.ts';

/** Voting as a person does it on an open board: start dialog, clicks on notes, the bar, the results panel. */
export class VotingObject extends BoardFeatureObject {
  get bar(): Locator {
    return this.page.getByTestId('voting-bar');
  }

  get results(): Locator {
    return this.page.getByTestId('results-panel');
  }

  state(): Promise<VotingTestState> {
    return this.page.evaluate(() => window.__journeyboard!.voting());
  }

  /** Facilitator: opens the start dialog, fills what is given, starts; waits for the bar. */
  async start(
    settings: { title: string; dots: number; facilitatorVotes?: boolean; timeLimit?: string; named?: boolean },
    screenshot?: string,
  ): Promise<void> {
    await this.page.getByTestId('start-voting').click();
    const dialog = this.page.getByTestId('start-voting-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('vote-title').fill(settings.title);
    await dialog.getByTestId('vote-dots').fill(String(settings.dots));
    if (settings.named) await dialog.getByTestId('vote-named').check();
    if (settings.timeLimit) await dialog.getByTestId('vote-time').selectOption({ label: settings.timeLimit });
    if (settings.facilitatorVotes === false) await dialog.getByTestId('vote-facilitator-votes').uncheck();
    if (screenshot) await this.page.screenshot({ path: screenshot });
    await dialog.getByTestId('start-voting-submit').click();
    await expect(this.bar).toBeVisible();
    await expect(this.bar.getByTestId('voting-title')).toHaveText(settings.title);
  }

  /** Clicks the middle of a note (places a dot while voting) and waits for the server's answer. */
  async clickNote(noteId: string): Promise<void> {
    const before = await this.state();
    const r = await this.board.noteRect(noteId);
    await this.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2 - 10);
    await expect
      .poll(async () => {
        const now = await this.state();
        return (
          JSON.stringify(now.myDots) !== JSON.stringify(before.myDots) ||
          JSON.stringify(now.lastRefusal) !== JSON.stringify(before.lastRefusal)
        );
      })
      .toBe(true);
  }

  /**
   * Facilitator who votes: a one-dot round on the first pain point, revealed by the bar's Reveal;
   * resolves with that note once the results panel shows.
   */
  async revealOneDotOnFirstPain(): Promise<{ readonly id: string }> {
    await this.start({ title: 'Fix first?', dots: 1 });
    const pain = (await this.board.board()).notes.find((n) => n.kind === 'pain')!;
    await this.clickNote(pain.id);
    await this.page.getByRole('button', { name: 'Reveal' }).click();
    await expect(this.results).toBeVisible();
    return pain;
  }

  /** Clicks my dots on a note (takes one back). */
  async clickMyDots(noteId: string): Promise<void> {
    const r = await this.board.noteRect(noteId);
    const before = (await this.state()).myDots[noteId] ?? 0;
    // The pill hangs from the bottom edge, right-aligned (client/canvas/voteGeometry.ts).
    await this.page.mouse.click(r.x + r.width - 16, r.y + r.height - 3);
    await expect.poll(async () => (await this.state()).myDots[noteId] ?? 0).toBe(before - 1);
  }

  /** The countdown as shown, in seconds (m:ss). */
  async countdownSeconds(): Promise<number> {
    const text = (await this.bar.getByTestId('voting-countdown').textContent()) ?? '';
    const [m, sec] = text.split(':').map(Number);
    return m! * 60 + sec!;
  }

  /** Konva shapes by name, through Konva's own API. */
  shapeCount(name: string): Promise<number> {
    return this.page.evaluate((n) => window.Konva!.stages[0]?.find(`.${n}`).length ?? -1, name);
  }

  badgeText(noteId: string): Promise<string | null> {
    return this.page.evaluate((id) => {
      const badge = window.Konva!.stages[0]?.findOne(`.vote-badge-${id}`);
      const text =
        badge &&
        (badge as unknown as { findOne(s: string): { text(): string } | undefined }).findOne('.vote-badge-count');
      return text ? text.text() : null;
    }, noteId);
  }
}
