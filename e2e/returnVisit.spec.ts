import type { WebSocketRoute } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { expect, test, annAndBobOnNewBoard } from './fixtures.ts';
import { linkFor } from './server.ts';

const STATE = /\/api\/boards\/[a-z0-9]+\/state$/;

/**
 * Holds the page's board socket until `release()`: the page sees an open socket that nobody
 * answers (the server is "slow"); released, what the page sent meanwhile goes through in order.
 */
async function holdBoardSocket(page: BoardPageObject['page']) {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.routeWebSocket(/\/collab/, async (ws: WebSocketRoute) => {
    const sent: (string | Buffer)[] = [];
    ws.onMessage((m) => sent.push(m));
    await released;
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => ws.send(m));
    for (const m of sent) server.send(m);
  });
  return release;
}

test('a return visit paints from the local copy before the server answers, then takes the edits made while away', async ({
  browser,
  server,
}) => {
  const { boardId, a, b } = await annAndBobOnNewBoard(browser, server, 'Coming back');
  const annsNote = await a.addNote('Awareness', 'Touchpoints', 'Written by Ann before leaving');
  const bobsNote = await b.addNote('Decision', 'Touchpoints', 'Bob, first version');
  await expect.poll(async () => (await a.noteById(bobsNote))?.text).toBe('Bob, first version');
  // The local copy marks itself once it holds the board (client/boot/localCopyMark.ts).
  await expect
    .poll(() => a.page.evaluate((id) => localStorage.getItem(`journeyboard.copy.${id}`), boardId), {
      timeout: 30_000,
    })
    .toBe('1');
  const context = a.page.context();
  await a.page.close();

  // While Ann is away, Bob edits his note and adds another.
  await b.editNote(bobsNote, 'Bob, edited while Ann was away');
  const newNote = await b.addNote('Awareness', 'Touchpoints', 'Added while Ann was away');

  const back = new BoardPageObject(await context.newPage());
  const downloads: string[] = [];
  back.page.on('request', (r) => {
    if (STATE.test(new URL(r.url()).pathname)) downloads.push(r.url());
  });
  const release = await holdBoardSocket(back.page);
  await back.page.goto(linkFor(boardId));
  await back.waitReady({ fit: false });
  // Painted from this device's copy, with the server not answering yet: the board as Ann left it.
  expect((await back.noteById(annsNote))?.text).toBe('Written by Ann before leaving');
  expect((await back.noteById(bobsNote))?.text).toBe('Bob, first version');
  expect(await back.noteById(newNote)).toBeUndefined();
  expect(await back.page.evaluate(() => window.__journeyboard!.connection())).not.toBe('connected');
  expect(downloads).toEqual([]); // no whole-board download on a return visit

  release();
  await expect.poll(async () => (await back.noteById(bobsNote))?.text).toBe('Bob, edited while Ann was away');
  await expect.poll(async () => (await back.noteById(newNote))?.text).toBe('Added while Ann was away');
  await expect.poll(() => back.page.evaluate(() => window.__journeyboard!.connection())).toBe('connected');
  // And live both ways after it.
  await back.editNote(bobsNote, 'Ann, back again');
  await expect.poll(async () => (await b.noteById(bobsNote))?.text).toBe('Ann, back again');
  expect(downloads).toEqual([]);
});
