import { type Browser, chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import config from '../../playwright.config.ts';
import { BoardPageObject } from '../BoardPageObject.ts';
import { TestServer } from '../server.ts';

/** Where review shots go. */
export const REVIEW_DIR = resolve(import.meta.dirname, '../../test-results/screens');

/**
 * Starts a test server (the test build) and Chromium, makes the e-commerce board the review shots
 * are taken on, runs `shots`, and stops both whatever happens.
 */
export async function withReviewBoard(
  shots: (review: { browser: Browser; server: TestServer; boardId: string }) => Promise<void>,
): Promise<void> {
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
/** A browser context that has joined as `name` (what the join dialog stores), for review shots. */
export async function reviewPerson(
  browser: Browser,
  server: TestServer,
  name: string,
  department = 'sales',
  viewport = { width: 1440, height: 880 },
): Promise<BoardPageObject> {
  const context = await browser.newContext({ baseURL: server.url, viewport, deviceScaleFactor: 1 });
  await context.addInitScript(
    ([n, d]) =>
      localStorage.setItem('journeyboard.identity', JSON.stringify({ id: `user-${n}`, name: n, department: d })),
    [name, department],
  );
  return new BoardPageObject(await context.newPage());
}
