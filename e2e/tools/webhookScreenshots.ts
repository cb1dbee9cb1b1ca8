/**
 * Review shots of the facilitator's Webhooks dialog at 1440, 820 (touch) and 390 (phone, touch):
 * a webhook just added with its secret shown once, and its delivery log after an event.
 * `node e2e/tools/webhookScreenshots.ts` after `npm run build:test` (`npm run screenshots` runs it
 * too). Written to test-results/screens/webhooks-*.png.
 */
import { expect } from '@playwright/test';
import { resolve } from 'node:path';
import { restoreACheckpoint, WebhooksObject } from '../WebhooksObject.ts';
import { REVIEW_DEVICES, REVIEW_DIR, onNewBoard, type Review, reviewPersonOn, withReviewBoard } from './reviewBoard.ts';

// A receiver outside this machine: its deliveries wait for their retries, as a log often shows.
const RECEIVER = 'https://hooks.example.com/journeyboard/checkout';

export async function webhookShots(review: Review): Promise<void> {
  for (const [name, device] of REVIEW_DEVICES) {
    // A board each: the log shows only this device's webhook and its delivery.
    const on = await onNewBoard(review, 'Spring checkout journey');
    const board = await reviewPersonOn(on, 'Fay Flint', 'facilitator', device);
    const hooks = new WebhooksObject(board.page);
    await hooks.open();
    await hooks.add(RECEIVER, ['round.revealed', 'board.restored', 'comment.mentioned']);
    await board.page.screenshot({ path: resolve(REVIEW_DIR, `webhooks-${name}-added.png`) });
    await hooks.dialog.getByTestId('webhook-secret-done').click();
    await restoreACheckpoint(review.server.url, on.boardId);
    const row = await hooks.waitForDelivery(RECEIVER, 'Board restored', 'pending');
    await expect(row.first()).toContainText('attempt');
    await board.page.screenshot({ path: resolve(REVIEW_DIR, `webhooks-${name}-log.png`) });
    await board.page.context().close();
  }
}

if (import.meta.main) {
  await withReviewBoard(webhookShots);
  console.log(`wrote webhook shots in ${REVIEW_DIR}`);
}
