/**
 * Review shots of paths (`node e2e/tools/pathScreenshots.ts` after `npm run build:test`;
 * `npm run screenshots` runs it too): the paths from a start note with one chosen and marked as
 * the happy path, on a laptop, a tablet and a phone. Written to test-results/screens/paths-*.png.
 */
import { resolve } from 'node:path';
import { drawTwoPaths } from '../pathsSetup.ts';
import { REVIEW_DEVICES, REVIEW_DIR, onNewBoard, type Review, reviewPersonOn, withReviewBoard } from './reviewBoard.ts';

export async function pathShots(review: Review): Promise<void> {
  const on = await onNewBoard(review, 'Checkout paths');
  const drawer = await reviewPersonOn(on, 'Ann Lee', 'editor');
  const [start] = await drawTwoPaths(drawer);
  await drawer.page.context().close();
  for (const [name, device] of REVIEW_DEVICES) {
    const board = await reviewPersonOn(on, 'Fay Flint', 'facilitator', device);
    const page = board.page;
    const r = await board.noteRect(start);
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Paths' }).click();
    const panel = page.getByTestId('paths-panel');
    await panel.getByTestId('path-item').first().waitFor();
    await page.screenshot({ path: resolve(REVIEW_DIR, `paths-all-${name}.png`) });
    await panel.getByTestId('path-item').first().getByRole('button').click();
    if (name === 'laptop') await panel.getByRole('button', { name: 'Mark as the happy path' }).click();
    await panel.getByText('Happy path').first().waitFor();
    await page.screenshot({ path: resolve(REVIEW_DIR, `paths-chosen-${name}.png`) });
    await page.context().close();
  }
}

if (import.meta.main) {
  await withReviewBoard(pathShots);
  console.log(`wrote path shots in ${REVIEW_DIR}`);
}
