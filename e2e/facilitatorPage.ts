import type { Browser, Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import type { TestServer } from './server.ts';

/** A laptop and a small laptop: where a first workshop is run, and where floating bars collide. */
export const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** A facilitator's own browser at `viewport` (identity stored as the join dialog would). */
export async function facilitatorAt(
  browser: Browser,
  server: TestServer,
  viewport: { width: number; height: number },
): Promise<BoardPageObject> {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  await context.addInitScript(() =>
    localStorage.setItem(
      'journeyboard.identity',
      JSON.stringify({ id: 'user-fay', name: 'Fay Doe', department: 'product' }),
    ),
  );
  return new BoardPageObject(await context.newPage());
}

/**
 * A facilitator's own browser (facilitatorAt) on a new board made from the e-commerce template,
 * open through the facilitator's link and ready (after Fit unless `fit` is false).
 */
export async function facilitatorOnNewBoard(
  browser: Browser,
  server: TestServer,
  {
    title = 'Checkout workshop',
    viewport = VIEWPORTS[0],
    fit = true,
  }: { title?: string; viewport?: { width: number; height: number }; fit?: boolean } = {},
): Promise<{ boardId: string; board: BoardPageObject; page: Page }> {
  const boardId = await server.createBoard(title, 'ecommerce');
  const board = await facilitatorAt(browser, server, viewport);
  await board.open(boardId, 'facilitator', { fit });
  return { boardId, board, page: board.page };
}
