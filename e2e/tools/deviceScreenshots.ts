/**
 * Review shots of the phone and tablet views: `node e2e/tools/deviceScreenshots.ts` after
 * `npm run build:test` (`npm run screenshots` runs it too). A laptop facilitator runs a round; a
 * phone participant sees the board, the list and votes from it; the share dialog's QR codes and
 * the room view; the Facilitate sheet on a tablet. Written to test-results/screens/device-*.png.
 */
import { chromium, devices, type Browser, type BrowserContextOptions } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { BoardPageObject } from '../BoardPageObject.ts';
import { linkFor, TestServer, type BoardLinks } from '../server.ts';
import { VotingObject } from '../VotingObject.ts';
import config from '../../playwright.config.ts';
import { pressBarControl } from './barControl.ts';
import { REVIEW_DIR } from './reviewPerson.ts';

const OUT = REVIEW_DIR;
export const PHONE: BrowserContextOptions = { ...devices['iPhone 13'], deviceScaleFactor: 1 };
export const TABLET: BrowserContextOptions = {
  ...devices['iPad Mini'],
  viewport: { width: 820, height: 1180 },
  deviceScaleFactor: 1,
};
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 };

/** The three widths every review shot is taken at (1440, 820 and 390), by the name in its file. */
export const REVIEW_DEVICES = [
  ['laptop', LAPTOP],
  ['tablet', TABLET],
  ['phone', PHONE],
] as const;

export async function person(
  browser: Browser,
  server: TestServer,
  device: BrowserContextOptions,
  name: string,
  boardId: string,
  role: keyof BoardLinks,
): Promise<BoardPageObject> {
  const context = await browser.newContext({ ...device, baseURL: server.url });
  await context.addInitScript(
    (n) => localStorage.setItem('journeyboard.identity', JSON.stringify({ name: n, department: 'support' })),
    name,
  );
  const board = new BoardPageObject(await context.newPage());
  await board.page.goto(linkFor(boardId, role));
  await board.waitReady({ fit: false });
  return board;
}

const shot = (board: BoardPageObject, name: string) =>
  board.page.screenshot({ path: resolve(OUT, `device-${name}.png`) });

export async function deviceShots(browser: Browser, server: TestServer): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const fay = await person(browser, server, LAPTOP, 'Fay Flint', boardId, 'facilitator');
  const ann = await person(browser, server, PHONE, 'Ann Lee', boardId, 'editor');
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

  const tablet = await person(browser, server, TABLET, 'Fay Flint', boardId, 'facilitator');
  await pressBarControl(tablet.page, 'facilitate-button');
  await tablet.page.getByTestId('facilitate-panel').waitFor();
  await shot(tablet, 'tablet-facilitate');

  const phoneFay = await person(browser, server, PHONE, 'Fay Flint', boardId, 'facilitator');
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
  const server = new TestServer();
  await server.start();
  const browser = await chromium.launch(config.use!.launchOptions);
  try {
    await deviceShots(browser, server);
    console.log(`wrote device-*.png in ${OUT}`);
  } finally {
    await browser.close();
    await server.dispose();
  }
}
