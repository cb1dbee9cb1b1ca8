import { expect, test, boardPageAs, ANN, BOB } from './fixtures.ts';
import { localCopyUpdates } from './localCopy.ts';

const STATE = /\/api\/boards\/[a-z0-9]+\/state$/;

test('a board opens from the download its first script starts, and without it when that fails', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Loading paths');
  const a = await boardPageAs(browser, server, ANN);
  const b = await boardPageAs(browser, server, BOB);

  // A: the download, compressed, then the WebSocket for what changed since.
  const download = a.page.waitForResponse((r) => STATE.test(new URL(r.url()).pathname));
  await a.open(boardId);
  const response = await download;
  expect(response.status()).toBe(200);
  expect(await response.headerValue('content-encoding')).toMatch(/^(br|gzip)$/);
  const fromA = await a.addNote('Awareness', 'Touchpoints', 'Written by Ann before Bob came');

  // B: the download fails; the WebSocket brings the whole board instead.
  await b.page.route(STATE, (route) => route.abort('failed'));
  await b.open(boardId);
  await expect.poll(async () => (await b.noteById(fromA))?.text).toBe('Written by Ann before Bob came');

  // Both are live: edits cross in both directions.
  const fromB = await b.addNote('Decision', 'Touchpoints', 'Written by Bob after loading');
  await a.editNote(fromA, 'Edited by Ann after Bob came');
  await expect.poll(async () => (await a.noteById(fromB))?.text).toBe('Written by Bob after loading');
  await expect.poll(async () => (await b.noteById(fromA))?.text).toBe('Edited by Ann after Bob came');
});

test('a board opened from the download and never edited is still kept on the device, for opening offline', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Kept for the train');
  const b = await boardPageAs(browser, server, BOB);
  await b.open(boardId);
  const noteId = await b.addNote('Awareness', 'Touchpoints', 'Saved by the server');
  // Ann never edits: each of her visits opens from the download, and the local copy only once
  // the page is idle.
  const a = await boardPageAs(browser, server, ANN);
  await a.open(boardId);
  await a.reloadUnderServiceWorker();
  await expect
    .poll(() => a.page.evaluate(localCopyUpdates, `journeyboard:${boardId}`), { timeout: 20_000 })
    .toBeGreaterThan(0);

  await a.page.context().setOffline(true);
  await a.page.reload();
  await a.waitReady();
  expect((await a.noteById(noteId))?.text).toBe('Saved by the server');
});
