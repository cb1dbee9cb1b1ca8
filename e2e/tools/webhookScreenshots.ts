/**
 * Review shots of the facilitator's Webhooks dialog at 1440, 820 (touch) and 390 (phone, touch):
 * a webhook just added with its secret shown once, and its delivery log after an event.
 * `node e2e/tools/webhookScreenshots.ts` after `npm run build:test` (`npm run screenshots` runs it
 * too). Written to test-results/screens/webhooks-*.png.
 */
import { devices, expect, type Browser, type BrowserContextOptions } from '@playwright/test';
import { resolve } from 'node:path';
import { BoardPageObject } from '../BoardPageObject.ts';
import { linkFor, type TestServer } from '../server.ts';
import { restoreACheckpoint, WebhooksObject } from '../WebhooksObject.ts';
import { REVIEW_DIR, withReviewBoard } from './reviewPerson.ts';

const WIDTHS: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  tablet: { ...devices['iPad Mini'], viewport: { width: 820, height: 1180 }, deviceScaleFactor: 1 },
  phone: { ...devices['iPhone 13'], deviceScaleFactor: 1 },
};
// A receiver outside this machine: its deliveries wait for their retries, as a log often shows.
const RECEIVER = 'https://hooks.example.com/journeyboard/checkout';

export async function webhookShots(browser: Browser, server: TestServer): Promise<void> {
  for (const [name, device] of Object.entries(WIDTHS)) {
    const boardId = await server.createBoard('Spring checkout journey', 'ecommerce');
    const context = await browser.newContext({ ...device, baseURL: server.url });
    await context.addInitScript(() =>
      localStorage.setItem('journeyboard.identity', JSON.stringify({ name: 'Fay Flint', department: 'product' })),
    );
    const board = new BoardPageObject(await context.newPage());
    await board.page.goto(linkFor(boardId));
    await board.waitReady({ fit: false });
    const hooks = new WebhooksObject(board.page);
    await hooks.open();
    await hooks.add(RECEIVER, ['round.revealed', 'board.restored', 'comment.mentioned']);
    await board.page.screenshot({ path: resolve(REVIEW_DIR, `webhooks-${name}-added.png`) });
    await hooks.dialog.getByTestId('webhook-secret-done').click();
    await restoreACheckpoint(server.url, boardId);
    const row = await hooks.waitForDelivery(RECEIVER, 'Board restored', 'pending');
    await expect(row.first()).toContainText('attempt');
    await board.page.screenshot({ path: resolve(REVIEW_DIR, `webhooks-${name}-log.png`) });
    await context.close();
  }
}

if (import.meta.main) await withReviewBoard(({ browser, server }) => webhookShots(browser, server));
