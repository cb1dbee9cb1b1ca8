import { expect, test } from './fixtures.ts';
import { BoardPageObject } from './BoardPageObject.ts';
import type { Browser } from '@playwright/test';
import type { TestServer } from './server.ts';

/**
 * What a facilitator trips on in a first workshop, checked through the UI a person uses: each
 * control found by its role and clicked, at a laptop (1440×900) and a small laptop (1280×720) size.
 */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

async function facilitatorAt(browser: Browser, server: TestServer, viewport: { width: number; height: number }): Promise<BoardPageObject> {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  await context.addInitScript(() => localStorage.setItem('journeyboard.identity', JSON.stringify({ id: 'user-fay', name: 'Fay Doe', department: 'product' })));
  return new BoardPageObject(await context.newPage());
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test('the Priorities panel backup buttons are not covered by the voting dock', async ({ browser, server }) => {
      const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
      const board = await facilitatorAt(browser, server, viewport);
      await board.open(boardId);
      const page = board.page;
      await page.getByRole('button', { name: 'Priorities' }).click();
      const panel = page.getByRole('complementary', { name: 'Priority list' });
      await expect(panel).toBeVisible();
      // No force: Playwright refuses to click a button another element lies over.
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export' }).click({ timeout: 5_000 })]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Import…' }).click({ timeout: 5_000 })]);
      expect(chooser.isMultiple()).toBe(false);
      await expect(page.getByRole('dialog', { name: 'Start a voting round' })).toBeHidden();
      // And the panel ends above the floating voting dock, whatever lies where.
      const [panelBox, dockBox] = [await panel.boundingBox(), await page.getByTestId('voting-dock').boundingBox()];
      expect(panelBox!.y + panelBox!.height).toBeLessThanOrEqual(dockBox!.y);
    });
  });
}
