/**
 * Review shots of channels (`node e2e/tools/channelScreenshots.ts` after `npm run build:test`;
 * `npm run screenshots` runs it too): the channel view, its list editor, a note's channel in its
 * toolbar and the glyph on notes, on a laptop, a tablet and a phone. Written to
 * test-results/screens/channels-*.png.
 */
import { chromium, type Browser } from '@playwright/test';
import { resolve } from 'node:path';
import config from '../../playwright.config.ts';
import { TestServer } from '../server.ts';
import { pressBarControl } from './barControl.ts';
import { person, REVIEW_DEVICES } from './deviceScreenshots.ts';
import { REVIEW_DIR } from './reviewPerson.ts';

export async function channelShots(browser: Browser, server: TestServer): Promise<void> {
  const boardId = await server.createBoard('Checkout channels', 'ecommerce');
  for (const [name, device] of REVIEW_DEVICES) {
    const board = await person(browser, server, device, 'Fay Flint', boardId, 'facilitator');
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
  const server = new TestServer();
  await server.start();
  const browser = await chromium.launch(config.use!.launchOptions);
  try {
    await channelShots(browser, server);
    console.log(`wrote channel shots in ${REVIEW_DIR}`);
  } finally {
    await browser.close();
    await server.dispose();
  }
}
