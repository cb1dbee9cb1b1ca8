/**
 * Review shots of the access UI: `npm run build:test && node e2e/tools/accessScreenshots.ts`.
 * Writes test-results/screens/access-*.png: the Share dialog as a facilitator and as an editor,
 * a commenter's board, and a refused (rotated) link.
 */
import { resolve } from 'node:path';
import { REVIEW_DIR, reviewPerson, withReviewBoard } from './reviewBoard.ts';

const SMALL_LAPTOP = { device: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } };

await withReviewBoard(async ({ browser, server, boardId }) => {
  const fay = await reviewPerson(browser, server, 'Fay Flint', SMALL_LAPTOP);
  await fay.open(boardId);
  await fay.page.getByTestId('share-button').click();
  await fay.page.getByTestId('rotate-editor').click();
  await fay.page.screenshot({ path: resolve(REVIEW_DIR, 'access-share-facilitator.png') });

  const eddie = await reviewPerson(browser, server, 'Eddie Ek', SMALL_LAPTOP);
  await eddie.open(boardId, 'editor');
  await eddie.page.getByTestId('share-button').click();
  await eddie.page.screenshot({ path: resolve(REVIEW_DIR, 'access-share-editor.png') });

  const cora = await reviewPerson(browser, server, 'Cora Cole', SMALL_LAPTOP);
  await cora.open(boardId, 'commenter');
  await cora.page.screenshot({ path: resolve(REVIEW_DIR, 'access-commenter.png') });

  await fay.page.getByTestId('confirm-rotate-editor').click();
  await eddie.page.getByRole('alert').waitFor();
  await eddie.page.getByTestId('share-close').click();
  await eddie.page.screenshot({ path: resolve(REVIEW_DIR, 'access-rotated.png') });
  console.log(`wrote review shots in ${REVIEW_DIR}`);
});
