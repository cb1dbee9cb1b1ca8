/**
 * Review shots of the phone and tablet views: `node e2e/tools/deviceScreenshots.ts` after
 * `npm run build:test` (`npm run screenshots` runs it too). A laptop facilitator runs a round; a
 * phone participant sees the board, the list and votes from it; the share dialog's QR codes and
 * the room view; the Facilitate sheet on a tablet. Written to test-results/screens/device-*.png.
 */
import { resolve } from 'node:path';
import type { BoardPageObject } from '../BoardPageObject.ts';
import { VotingObject } from '../VotingObject.ts';
import { pressBarControl } from './barControl.ts';
import {
  LAPTOP,
  onNewBoard,
  PHONE,
  REVIEW_DIR,
  type Review,
  reviewPersonOn,
  TABLET,
  withReviewBoard,
} from './reviewBoard.ts';

const shot = (board: BoardPageObject, name: string) =>
  board.page.screenshot({ path: resolve(REVIEW_DIR, `device-${name}.png`) });

export async function deviceShots(review: Review): Promise<void> {
  const on = await onNewBoard(review, 'Checkout workshop');
  const fay = await reviewPersonOn(on, 'Fay Flint', 'facilitator', LAPTOP);
  const ann = await reviewPersonOn(on, 'Ann Lee', 'editor', PHONE);
  await shot(ann, 'phone-board');
  await ann.page.getByRole('radio', { name: 'List' }).tap();
  await ann.page.getByRole('tab', { name: /Consideration/ }).tap();
  await shot(ann, 'phone-list');

  await new VotingObject(fay).start({ title: 'What hurts most?', dots: 3, facilitatorVotes: false });
  await ann.page
    .getByRole('button', { name: /^Add a dot/ })
    .first()
    .tap();
  await ann.page.getByTestId('dots-left').getByText('2').waitFor();
  await shot(ann, 'phone-voting');

  const tablet = await reviewPersonOn(on, 'Fay Flint', 'facilitator', TABLET);
  await pressBarControl(tablet.page, 'facilitate-button');
  await tablet.page.getByTestId('facilitate-panel').waitFor();
  await shot(tablet, 'tablet-facilitate');

  const phoneFay = await reviewPersonOn(on, 'Fay Flint', 'facilitator', PHONE);
  await pressBarControl(phoneFay.page, 'share-button');
  await phoneFay.page.getByTestId('share-qr-editor').waitFor();
  await shot(phoneFay, 'phone-share-qr');
  await phoneFay.page.getByTestId('share-close').tap();
  await pressBarControl(phoneFay.page, 'priorities-toggle');
  await phoneFay.page.getByTestId('priority-panel').waitFor();
  await shot(phoneFay, 'phone-priorities-sheet');

  await fay.page.getByTestId('share-button').click();
  await fay.page.getByTestId('share-qr-editor').waitFor();
  await shot(fay, 'laptop-share-qr');
  await fay.page.getByTestId('show-room-editor').click();
  await fay.page.getByTestId('room-qr-code').waitFor();
  await shot(fay, 'laptop-room-qr');
  for (const b of [fay, ann, tablet, phoneFay]) await b.page.context().close();
}

if (import.meta.main) {
  await withReviewBoard(deviceShots);
  console.log(`wrote device-*.png in ${REVIEW_DIR}`);
}
