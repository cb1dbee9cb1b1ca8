/**
 * Review shots of the future state (`node e2e/tools/futureStateScreenshots.ts` after
 * `npm run build:test`; `npm run screenshots` runs it too): the chip beside the title and the
 * compare view, after a pain point was rewritten, one removed and a touchpoint moved to the app, on
 * a laptop (1440), a tablet (820) and a phone (390, touch). Written to test-results/screens/future-*.png.
 */
import { resolve } from 'node:path';
import { FutureStateObject } from '../FutureStateObject.ts';
import { REVIEW_DEVICES, REVIEW_DIR, onNewBoard, type Review, reviewPersonOn, withReviewBoard } from './reviewBoard.ts';

export async function futureStateShots(review: Review): Promise<void> {
  const on = await onNewBoard(review, 'Checkout journey');
  for (const [name, device] of REVIEW_DEVICES) {
    const board = await reviewPersonOn(on, 'Fay Flint', 'facilitator', device);
    const page = board.page;
    const states = new FutureStateObject(page);
    if (name === 'laptop') {
      await states.make();
      await states.openOther();
      await board.waitReady();
      const notes = (await board.board()).notes;
      const [kept, gone] = notes.filter((n) => n.kind === 'pain');
      await board.editNote(kept!.id, 'Delivery cost shown on the product page');
      const r = await board.noteRect(gone!.id);
      await page.mouse.click(r.x + 20, r.y + 20);
      await page.keyboard.press('Delete');
      await page.keyboard.press('Escape');
      await page.screenshot({ path: resolve(REVIEW_DIR, 'future-board-laptop.png') });
    } else {
      await page.getByTestId('compare-states').waitFor();
      await page.screenshot({ path: resolve(REVIEW_DIR, `future-board-${name}.png`) });
    }
    const dialog = await states.openCompare();
    await dialog.getByRole('region').first().waitFor();
    await page.screenshot({ path: resolve(REVIEW_DIR, `future-compare-${name}.png`) });
    await page.context().close();
  }
}

if (import.meta.main) {
  await withReviewBoard(futureStateShots);
  console.log(`wrote future-state shots in ${REVIEW_DIR}`);
}
