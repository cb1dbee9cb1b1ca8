/**
 * Review shots of the access UI: `npm run build:test && node e2e/tools/accessScreenshots.ts`.
 * Writes test-results/screens/access-*.png: the Share dialog as a facilitator and as an editor,
 * a commenter's board, and a refused (rotated) link.
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { TestServer } from '../server.ts';
import config from '../../playwright.config.ts';
import { reviewPerson } from './reviewPerson.ts';

const OUT = resolve(import.meta.dirname, '../../test-results/screens');

const server = new TestServer();
await server.start();
const browser = await chromium.launch(config.use!.launchOptions);
try {
  mkdirSync(OUT, { recursive: true });
  const boardId = await server.createBoard('Spring checkout journey', 'ecommerce');
  const fay = await reviewPerson(browser, server, 'Fay Flint', 'sales', { width: 1280, height: 800 });
  await fay.open(boardId);
  await fay.page.getByTestId('share-button').click();
  await fay.page.getByTestId('rotate-editor').click();
  await fay.page.screenshot({ path: resolve(OUT, 'access-share-facilitator.png') });

  const eddie = await reviewPerson(browser, server, 'Eddie Ek', 'sales', { width: 1280, height: 800 });
  await eddie.open(boardId, 'editor');
  await eddie.page.getByTestId('share-button').click();
  await eddie.page.screenshot({ path: resolve(OUT, 'access-share-editor.png') });

  const cora = await reviewPerson(browser, server, 'Cora Cole', 'sales', { width: 1280, height: 800 });
  await cora.open(boardId, 'commenter');
  await cora.page.screenshot({ path: resolve(OUT, 'access-commenter.png') });

  await fay.page.getByTestId('confirm-rotate-editor').click();
  await eddie.page.getByRole('alert').waitFor();
  await eddie.page.getByTestId('share-close').click();
  await eddie.page.screenshot({ path: resolve(OUT, 'access-rotated.png') });
  console.log(`wrote review shots in ${OUT}`);
} finally {
  await browser.close();
  await server.dispose();
}
