import { type Browser, type BrowserContextOptions, chromium, devices } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import config from '../../playwright.config.ts';
import { BoardPageObject } from '../BoardPageObject.ts';
import { type Person, personPage } from '../fixtures.ts';
import { type BoardLinks, TestServer } from '../server.ts';

/** Where review shots go. */
export const REVIEW_DIR = resolve(import.meta.dirname, '../../test-results/screens');

export const LAPTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 };
export const TABLET: BrowserContextOptions = {
  ...devices['iPad Mini'],
  viewport: { width: 820, height: 1180 },
  deviceScaleFactor: 1,
};
export const PHONE: BrowserContextOptions = { ...devices['iPhone 13'], deviceScaleFactor: 1 };

/** The three widths every review shot is taken at (1440, 820 and 390, touch), by the name in its file. */
export const REVIEW_DEVICES = [
  ['laptop', LAPTOP],
  ['tablet', TABLET],
  ['phone', PHONE],
] as const;

/** Everything a review tool needs: Chromium, a test server, and the e-commerce board made for it. */
export interface Review {
  readonly browser: Browser;
  readonly server: TestServer;
  readonly boardId: string;
}

/**
 * Starts a test server (the test build) and Chromium, makes the e-commerce board the review shots
 * are taken on, runs `shots`, and stops both whatever happens. Every review tool runs through it,
 * alone (`node e2e/tools/xScreenshots.ts`) or all together (`npm run screenshots`).
 */
export async function withReviewBoard(shots: (review: Review) => Promise<void>): Promise<void> {
  const server = new TestServer();
  await server.start();
  const browser = await chromium.launch(config.use!.launchOptions);
  try {
    mkdirSync(REVIEW_DIR, { recursive: true });
    const boardId = await server.createBoard('Spring checkout journey', 'ecommerce');
    await shots({ browser, server, boardId });
  } finally {
    await browser.close();
    await server.dispose();
  }
}

/** The same review on a new e-commerce board of its own, for shots that change the board. */
export async function onNewBoard(review: Review, title: string): Promise<Review> {
  return { ...review, boardId: await review.server.createBoard(title, 'ecommerce') };
}

/**
 * A browser of `name`'s own on `device` (LAPTOP unless told) that has joined as the join dialog
 * stores it; `open` it on a board.
 */
export async function reviewPerson(
  browser: Browser,
  server: TestServer,
  name: string,
  { department = 'sales', device = LAPTOP }: { department?: Person['department']; device?: BrowserContextOptions } = {},
): Promise<BoardPageObject> {
  return new BoardPageObject(await personPage(browser, server, { name, department }, { device }));
}

/** `name` on `device` (LAPTOP unless told), on the review's board through `role`'s link, at the view it opens with (no Fit). */
export async function reviewPersonOn(
  { browser, server, boardId }: Review,
  name: string,
  role: keyof BoardLinks,
  device: BrowserContextOptions = LAPTOP,
): Promise<BoardPageObject> {
  const board = await reviewPerson(browser, server, name, { device, department: 'support' });
  await board.open(boardId, role, { fit: false });
  return board;
}
