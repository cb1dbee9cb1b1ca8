import { test as base, type Browser, type Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { type BoardLinks, TestServer } from './server.ts';

export interface Person {
  readonly name: string;
  readonly department: 'marketing' | 'sales' | 'support' | 'product' | 'other';
}

/**
 * A browser context that already joined as `person` (name and team stored as the join dialog
 * would). `credential` (credentialOf) makes it the same proven person as an earlier context, as
 * that person's own browser would be after a restart; without it, the context is a new device.
 */
export async function personPage(
  browser: Browser,
  server: TestServer,
  person: Person,
  { credential }: { credential?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  await context.addInitScript(
    ({ p, c }) => {
      localStorage.setItem('journeyboard.identity', JSON.stringify({ name: p.name, department: p.department }));
      if (c) localStorage.setItem('journeyboard.credential', c);
    },
    { p: person, c: credential ?? null },
  );
  return context.newPage();
}

/** The people most tests cast: Ann and Bob, colleagues on a board; Fay, who runs the workshop. */
export const ANN: Person = { name: 'Ann Lee', department: 'marketing' };
export const BOB: Person = { name: 'Bob Ray', department: 'sales' };
export const FAY: Person = { name: 'Fay Flint', department: 'marketing' };

/** `person`'s board, in a browser context of their own (personPage): call `open` on it. */
export async function boardPageAs(
  browser: Browser,
  server: TestServer,
  person: Person,
  options: { credential?: string } = {},
): Promise<BoardPageObject> {
  return new BoardPageObject(await personPage(browser, server, person, options));
}

/**
 * A new board with Ann and Bob on it, each in a browser of their own: Ann opens it first, through
 * the facilitator's link; Bob through `bobRole`'s.
 */
export async function annAndBobOnNewBoard(
  browser: Browser,
  server: TestServer,
  title: string,
  template?: string,
  bobRole: keyof BoardLinks = 'facilitator',
): Promise<{ boardId: string; a: BoardPageObject; b: BoardPageObject }> {
  const boardId = await server.createBoard(title, template);
  const a = await boardPageAs(browser, server, ANN);
  const b = await boardPageAs(browser, server, BOB);
  await a.open(boardId);
  await b.open(boardId, bobRole);
  return { boardId, a, b };
}

/** A new board that Ann opens first, through the facilitator's link, in a browser of her own. */
export async function annOnNewBoard(
  browser: Browser,
  server: TestServer,
  title: string,
  template?: string,
): Promise<{ boardId: string; a: BoardPageObject }> {
  const boardId = await server.createBoard(title, template);
  const a = await boardPageAs(browser, server, ANN);
  await a.open(boardId);
  return { boardId, a };
}

/** The stored credential of a page that has joined a board (JSON, as the app keeps it). */
export async function credentialOf(page: Page): Promise<string> {
  const stored = await page.evaluate(() => localStorage.getItem('journeyboard.credential'));
  if (!stored) throw new Error('This page has no credential yet: it has not joined a board');
  return stored;
}

export const test = base.extend<{
  server: TestServer;
  openBoard: (page: Page, boardId: string) => Promise<BoardPageObject>;
}>({
  server: async ({ browser }, use) => {
    const earlier = new Set(browser.contexts());
    const server = new TestServer();
    await server.start();
    await use(server);
    // The people's pages (personPage) end with their test. Left open, each keeps syncing and
    // retrying against a stopped server for the rest of the run, and the later tests slow down.
    await Promise.all(
      browser
        .contexts()
        .filter((c) => !earlier.has(c))
        .map((c) => c.close()),
    );
    await server.dispose();
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's first parameter as a pattern of the fixtures it needs: none
  openBoard: async ({}, use) => {
    await use(async (page, boardId) => {
      const board = new BoardPageObject(page);
      await board.open(boardId);
      return board;
    });
  },
});

export { expect } from '@playwright/test';
