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
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = new TestServer();
    await server.start();
    await use(server);
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
