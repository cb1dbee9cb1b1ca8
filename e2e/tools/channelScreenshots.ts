/**
 * Review shots of channels (`node e2e/tools/channelScreenshots.ts` after `npm run build:test`;
 * `npm run screenshots` runs it too): the channel view, its list editor, a note's channel in its
 * toolbar and the glyph on notes, on a laptop, a tablet and a phone. Written to
 * test-results/screens/channels-*.png.
 */
import { resolve } from 'node:path';
import { pressBarControl } from './barControl.ts';
import { REVIEW_DEVICES, REVIEW_DIR, onNewBoard, type Review, reviewPersonOn, withReviewBoard } from './reviewBoard.ts';

export async function channelShots(review: Review): Promise<void> {
  const on = await onNewBoard(review, 'Checkout channels');
  for (const [name, device] of REVIEW_DEVICES) {
    const board = await reviewPersonOn(on, 'Fay Flint', 'facilitator', device);
    const page = board.page;
    if (name === 'laptop') {
      await page.getByTitle('Reset to 100%').click();
      const note = (await board.board()).notes.find((n) => n.text === 'Checkout page')!;
      const r = await board.noteRect(note.id);
      await page.mouse.move(700, 450);
      await page.mouse.wheel(r.x - 500, r.y - 300);
      await page.waitForTimeout(400);
      const at = await board.noteRect(note.id);
      await page.mouse.click(at.x + 20, at.y + 20);
      await page.getByTestId('selection-toolbar').getByLabel('Channel').waitFor();
      await page.screenshot({ path: resolve(REVIEW_DIR, 'channels-note-laptop.png') });
      await page.keyboard.press('Escape');
    }
    await pressBarControl(page, 'channels-toggle');
    const panel = page.getByTestId('channels-panel');
    await panel.waitFor();
    await page.screenshot({ path: resolve(REVIEW_DIR, `channels-view-${name}.png`) });
    await panel.getByText('Edit the channel list').click();
    await panel.getByText('Edit the channel list').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(REVIEW_DIR, `channels-list-${name}.png`) });
    await page.context().close();
  }
}

if (import.meta.main) {
  await withReviewBoard(channelShots);
  console.log(`wrote channel shots in ${REVIEW_DIR}`);
}
