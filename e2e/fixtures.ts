import { test as base, type Browser, type Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { TestServer } from './server.ts';

export interface Person {
  readonly name: string;
  readonly department: 'marketing' | 'sales' | 'support' | 'product' | 'other';
}

/** A browser context that already joined as `person` (identity stored as the join dialog would). */
export async function personPage(browser: Browser, server: TestServer, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  await context.addInitScript((p) => {
    const id = `user-${p.name.toLowerCase().replace(/\W/g, '')}`;
    localStorage.setItem('journeyboard.identity', JSON.stringify({ id, name: p.name, department: p.department }));
  }, person);
  return context.newPage();
}

export const test = base.extend<{ server: TestServer; openBoard: (page: Page, boardId: string) => Promise<BoardPageObject> }>({
  server: async ({ browser }, use) => {
    const earlier = new Set(browser.contexts());
    const server = new TestServer();
    await server.start();
    await use(server);
    // The people's pages (personPage) end with their test. Left open, each keeps syncing and
    // retrying against a stopped server for the rest of the run, and the later tests slow down.
    await Promise.all(browser.contexts().filter((c) => !earlier.has(c)).map((c) => c.close()));
    await server.dispose();
  },
  // eslint-disable-next-line no-empty-pattern
  openBoard: async ({}, use) => {
    await use(async (page, boardId) => {
      const board = new BoardPageObject(page);
      await board.open(boardId);
      return board;
    });
  },
});

export { expect } from '@playwright/test';
