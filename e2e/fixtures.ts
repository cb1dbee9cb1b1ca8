import { test as base, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
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
 * `device` (a viewport, touch, a Playwright device) is the browser's; the project's unless told.
 */
export async function personPage(
  browser: Browser,
  server: TestServer,
  person: Person,
  { credential, device }: { credential?: string; device?: BrowserContextOptions } = {},
): Promise<Page> {
  const context = await browser.newContext({ ...device, baseURL: server.url });
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
/** Participants in Fay's workshops (their names are asserted in the participant list). */
export const ANN_ARCHER: Person = { name: 'Ann Archer', department: 'sales' };
export const ANN_AMOS: Person = { name: 'Ann Amos', department: 'sales' };
export const BOB_BAKER: Person = { name: 'Bob Baker', department: 'support' };

/** Who opens a board: a person through a link, or through the facilitator's link when only the person is given. */
export type Seat = Person | readonly [Person, keyof BoardLinks];
/** A board page for each seat, in the seats' order. */
type BoardsFor<S extends readonly Seat[]> = { -readonly [K in keyof S]: BoardPageObject };

/**
 * A new board (from `template`), then each seat's person in a browser of their own (boardPageAs),
 * opening it through their link one after the other, in the seats' order.
 */
export async function seatedOnNewBoard<const S extends readonly Seat[]>(
  browser: Browser,
  server: TestServer,
  title: string,
  seats: S,
  template?: string,
): Promise<{ boardId: string; boards: BoardsFor<S> }> {
  const boardId = await server.createBoard(title, template);
  const boards = [];
  for (const seat of seats) {
    const [person, role] = 'name' in seat ? [seat, 'facilitator' as const] : seat;
    const board = await boardPageAs(browser, server, person);
    await board.open(boardId, role);
    boards.push(board);
  }
  return { boardId, boards: boards as BoardsFor<S> };
}

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
  const { boardId, boards } = await seatedOnNewBoard(browser, server, title, [ANN, [BOB, bobRole]], template);
  return { boardId, a: boards[0], b: boards[1] };
}

/** A new board that Ann opens first, through the facilitator's link, in a browser of her own. */
export async function annOnNewBoard(
  browser: Browser,
  server: TestServer,
  title: string,
  template?: string,
): Promise<{ boardId: string; a: BoardPageObject }> {
  const { boardId, boards } = await seatedOnNewBoard(browser, server, title, [ANN], template);
  return { boardId, a: boards[0] };
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
  /**
   * seatedOnNewBoard on this test's server, on an e-commerce board unless `template` says
   * otherwise: the board's id, then each seat's board page (`const [boardId, fay, ann] = …`).
   */
  workshop: <const S extends readonly Seat[]>(
    title: string,
    seats: S,
    template?: string,
  ) => Promise<[string, ...BoardsFor<S>]>;
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
  workshop: async ({ browser, server }, use) => {
    await use(async (title, seats, template = 'ecommerce') => {
      const { boardId, boards } = await seatedOnNewBoard(browser, server, title, seats, template);
      return [boardId, ...boards];
    });
  },
});

export { expect } from '@playwright/test';
