/**
 * Review shots of paths (`node e2e/tools/pathScreenshots.ts` after `npm run build:test`;
 * `npm run screenshots` runs it too): the paths from a start note with one chosen and marked as
 * the happy path, on a laptop, a tablet and a phone; a selected connector with its toolbar; and a
 * viewer's paths from a note selected on the canvas (read-only: nothing to mark or vote on).
 * Written to test-results/screens/paths-*.png and connectors-*.png.
 */
import { resolve } from 'node:path';
import { ConnectorsObject } from '../ConnectorsObject.ts';
import { drawTwoPaths } from '../pathsSetup.ts';
import { REVIEW_DEVICES, REVIEW_DIR, onNewBoard, type Review, reviewPersonOn, withReviewBoard } from './reviewBoard.ts';

export async function pathShots(review: Review): Promise<void> {
  const on = await onNewBoard(review, 'Checkout paths');
  const drawer = await reviewPersonOn(on, 'Ann Lee', 'editor');
  const [start, second] = await drawTwoPaths(drawer);
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
  for (const [name, device] of REVIEW_DEVICES) {
    const editor = await reviewPersonOn(on, 'Bob Ray', 'editor', device);
    const arrows = new ConnectorsObject(editor);
    const first = (await arrows.list()).find((c) => c.from === start && c.to === second)!;
    const at = await arrows.pathPoint(first.id);
    await editor.page.mouse.click(at.x, at.y);
    await arrows.kind('Next step').waitFor();
    await editor.page.screenshot({ path: resolve(REVIEW_DIR, `connectors-selected-${name}.png`) });
    await editor.page.context().close();
    const viewer = await reviewPersonOn(on, 'Vera Voss', 'viewer', device);
    const r = await viewer.noteRect(start);
    await viewer.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await viewer.page.getByTestId('selection-toolbar').getByRole('button', { name: 'Paths' }).click();
    await viewer.page.getByTestId('paths-panel').getByTestId('path-item').first().waitFor();
    await viewer.page.screenshot({ path: resolve(REVIEW_DIR, `paths-viewer-${name}.png`) });
    await viewer.page.context().close();
  }
}

if (import.meta.main) {
  await withReviewBoard(pathShots);
  console.log(`wrote path shots in ${REVIEW_DIR}`);
}
