import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { expect, test, annAndBobOnNewBoard } from './fixtures.ts';

const SHOTS = process.env.SCREENS_DIR ?? resolve(tmpdir(), 'journeyboard-screens');

test('offline: an edit survives a reload while offline, the pill counts it, and it syncs when back online', async ({
  browser,
  server,
}) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Offline workshop');

  // A device that has opened Journeyboard before: the service worker holds the app shell.
  await a.reloadUnderServiceWorker();
  // Once the board is drawn, the scripts loaded on first use (the KPI chart, exports, panels) are
  // kept as well: a view never opened online still opens offline.
  await expect
    .poll(
      () =>
        a.page.evaluate(async () => {
          const assets = (await (await fetch('/app-assets.json')).json()) as string[];
          const kept = await caches.open('journeyboard-shell-v1');
          const missing = await Promise.all(assets.map(async (x) => ((await kept.match(x)) ? null : x)));
          return assets.length > 0 && missing.every((x) => x === null);
        }),
      { timeout: 30_000 },
    )
    .toBe(true);

  const pill = a.page.getByTestId('connection-status');
  await a.page.context().setOffline(true);
  await expect(pill).toHaveText('Offline');
  const noteId = await a.addNote('Awareness', 'Touchpoints', 'Written on the train');
  await expect(pill).toHaveText('Offline · 1 change waiting');

  // Reload while still offline: the app from the service worker, the board from IndexedDB.
  await a.page.reload();
  await a.waitReady();
  expect((await a.noteById(noteId))?.text).toBe('Written on the train');
  await expect(pill).toHaveText('Offline · 1 change waiting');
  expect(await b.noteById(noteId)).toBeUndefined();
  mkdirSync(SHOTS, { recursive: true });
  await a.page.screenshot({ path: resolve(SHOTS, 'offline-pill.png'), clip: { x: 0, y: 0, width: 1400, height: 120 } });

  await a.page.context().setOffline(false);
  await expect.poll(async () => (await b.noteById(noteId))?.text, { timeout: 30_000 }).toBe('Written on the train');
  await expect(pill).toHaveText('Live', { timeout: 30_000 });
});
