import type { Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { ANN_ARCHER, BOB_BAKER, boardPageAs, expect, FAY, type Person, personPage, test } from './fixtures.ts';
import type { TestServer } from './server.ts';

/** A person whose computer clock is off by `skewMs` (Date.now, which the app reads). */
async function skewedPerson(
  browser: Parameters<typeof personPage>[0],
  server: TestServer,
  person: Person,
  skewMs: number,
): Promise<BoardPageObject> {
  const page = await personPage(browser, server, person);
  await page.context().addInitScript((skew) => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + skew;
  }, skewMs);
  return new BoardPageObject(page);
}

const workshopState = (page: Page) => page.evaluate(() => window.__journeyboard!.workshop());

/** The timer's deadline in REAL time as this page computes it (performance.timeOrigin is not skewed). */
const realDeadline = (page: Page) =>
  page.evaluate(() => window.__journeyboard!.workshop().remainingMs + performance.timeOrigin + performance.now());

test('the timer reads the same on three pages whose clocks differ; the lock makes the participants read-only until unlocked', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const fay = await boardPageAs(browser, server, FAY);
  const ann = await skewedPerson(browser, server, ANN_ARCHER, -7 * 60_000); // 7 minutes slow
  const bob = await skewedPerson(browser, server, BOB_BAKER, 4 * 60_000 + 1_234); // 4 minutes fast
  await fay.open(boardId);
  await ann.open(boardId, 'editor');
  await bob.open(boardId, 'editor');
  const everyone = [fay, ann, bob];

  // No timer yet: participants see no chip; the facilitator starts 3 minutes.
  await expect(ann.page.getByTestId('timer-chip')).toHaveCount(0);
  await fay.page.getByTestId('facilitate-button').click();
  await fay.page.getByTestId('timer-preset-3').click();
  await expect(fay.page.getByTestId('fp-clock')).toHaveText('3:00');
  await fay.page.getByTestId('timer-start').click();
  for (const p of everyone) await expect(p.page.getByTestId('timer-chip')).toHaveAttribute('data-status', 'running');

  // The skewed pages learned the server's clock…
  expect(Math.abs((await workshopState(ann.page)).clockOffsetMs - 7 * 60_000)).toBeLessThan(2_000);
  expect(Math.abs((await workshopState(bob.page)).clockOffsetMs + 4 * 60_000 + 1_234)).toBeLessThan(2_000);
  // …so all three count down to the same real instant (within a message's travel time).
  const deadlines = await Promise.all(everyone.map((p) => realDeadline(p.page)));
  expect(Math.max(...deadlines) - Math.min(...deadlines)).toBeLessThan(500);
  for (const p of everyone) await expect(p.page.getByTestId('timer-text')).toHaveText(/^(3:00|2:[0-5]\d)$/);
  await fay.page.screenshot({ path: test.info().outputPath('timer-running-facilitator.png') });
  await ann.page.screenshot({ path: test.info().outputPath('timer-running-participant.png') });

  // Paused, the three read exactly the same.
  await fay.page.getByTestId('timer-pause').click();
  for (const p of everyone) await expect(p.page.getByTestId('timer-chip')).toHaveAttribute('data-status', 'paused');
  const shown = await fay.page.getByTestId('timer-text').textContent();
  for (const p of [ann, bob]) await expect(p.page.getByTestId('timer-text')).toHaveText(shown!);
  await ann.page.screenshot({ path: test.info().outputPath('timer-paused-participant.png') });
  await fay.page.getByTestId('timer-add').click();
  await expect(fay.page.getByTestId('timer-text')).not.toHaveText(shown!); // once the server applied it
  const added = await fay.page.getByTestId('timer-text').textContent();
  for (const p of [ann, bob]) await expect(p.page.getByTestId('timer-text')).toHaveText(added!);

  // Lock: the participants' board becomes read-only; the facilitator keeps editing.
  await fay.page.getByTestId('lock-toggle').click();
  for (const p of [ann, bob]) {
    await expect(p.page.getByTestId('lock-banner')).toContainText('locked the board');
    await expect.poll(async () => (await workshopState(p.page)).lockedOut).toBe(true);
  }
  await expect(fay.page.getByTestId('lock-banner')).toContainText('Participants can look');
  const board = await ann.board();
  const cell = await ann.cellRect(board.stages[0]!.id, board.lanes[0]!.id);
  await ann.page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
  await expect(ann.page.getByTestId('note-editor')).toHaveCount(0);
  await expect(ann.page.getByTestId('board-title')).toHaveAttribute('readonly', '');
  const notesBefore = board.notes.length;
  await fay.page.keyboard.press('Escape'); // close the Facilitate popover
  const byFay = await fay.addNote('Awareness', 'Customer actions', 'Written during the lock');
  await expect.poll(async () => (await ann.noteById(byFay))?.text).toBe('Written during the lock');
  expect((await ann.board()).notes.length).toBe(notesBefore + 1);
  await ann.page.screenshot({ path: test.info().outputPath('locked-participant.png') });

  // Unlock from the banner: the participants edit again.
  await fay.page.getByTestId('lock-banner-unlock').click();
  await expect(ann.page.getByTestId('lock-banner')).toHaveCount(0);
  const byAnn = await ann.addNote('Awareness', 'Thoughts', 'After the unlock');
  await expect.poll(async () => (await fay.noteById(byAnn))?.text).toBe('After the unlock');

  // A short run to zero: everyone sees it end (and the chip pulses).
  await fay.page.getByTestId('facilitate-button').click();
  await fay.page.getByTestId('timer-minutes').fill('0.05');
  await fay.page.getByTestId('timer-minutes').press('Enter');
  await expect(fay.page.getByTestId('fp-clock')).toHaveText('0:03');
  await fay.page.getByTestId('timer-lock-on-end').check();
  await fay.page.getByTestId('timer-start').click();
  // Each page signals zero once (a chime and a pulse of the chip for a few seconds).
  await expect(ann.page.locator('.timer-chip.timer-ringing')).toHaveCount(1);
  await ann.page.screenshot({ path: test.info().outputPath('timer-zero-participant.png') });
  for (const p of everyone) await expect(p.page.getByTestId('timer-chip')).toHaveAttribute('data-status', 'done');
  for (const p of everyone) {
    const w = await workshopState(p.page);
    expect(w.lastChimedRun).toBe(w.timerRun);
  }
  // "Lock the board when time is up": the server locked it at zero.
  await expect(ann.page.getByTestId('lock-banner')).toContainText('when time ran out');
  await expect.poll(async () => (await workshopState(ann.page)).lockedOut).toBe(true);
  for (const p of everyone) await expect(p.page.getByTestId('timer-text')).toHaveText('0:00');
  await fay.page.screenshot({ path: test.info().outputPath('timer-zero-facilitator.png') });
});

test('follow a person by clicking their avatar, leave by panning; bring everyone; hide cursors; the participant panel', async ({
  workshop,
}) => {
  const [, fay, ann, bob] = await workshop('Support journey', [FAY, [ANN_ARCHER, 'editor'], [BOB_BAKER, 'editor']]);
  const canvasCentre = async (p: BoardPageObject) => {
    const box = (await p.page.getByTestId('board-canvas').boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  /** The board point at the middle of the page's canvas. */
  const centreOnBoard = async (p: BoardPageObject) =>
    p.page.evaluate(() => {
      const el = document.querySelector('[data-testid="board-canvas"]')!;
      const { camera } = window.__journeyboard!.workshop();
      return { x: (el.clientWidth / 2 - camera.x) / camera.scale, y: (el.clientHeight / 2 - camera.y) / camera.scale };
    });

  // Ann follows Bob from his avatar.
  await ann.page.locator('[data-testid="avatar"][data-name="Bob Baker"]').click();
  await expect(ann.page.getByTestId('follow-banner')).toContainText('Following Bob Baker');
  // Bob pans; Ann's view goes with him.
  const c = await canvasCentre(bob);
  await bob.page.mouse.move(c.x, c.y);
  for (let i = 0; i < 4; i++) await bob.page.mouse.wheel(120, 90);
  await expect
    .poll(async () => {
      const [a, b] = [await centreOnBoard(ann), await centreOnBoard(bob)];
      return Math.hypot(a.x - b.x, a.y - b.y);
    })
    .toBeLessThan(8);
  // The panel shows who follows whom, roles and departments.
  await fay.page.getByTestId('participants-button').click();
  const panel = fay.page.getByTestId('participant-panel');
  await expect(panel.getByTestId('participant')).toHaveCount(3);
  await expect(panel.locator('[data-name="Ann Archer"]')).toHaveAttribute('data-role', 'editor');
  await expect(panel.locator('[data-name="Fay Flint"]')).toHaveAttribute('data-role', 'facilitator');
  await expect(panel.locator('[data-name="Ann Archer"]').getByTestId('participant-follows')).toHaveText(
    /follows Bob Baker/,
  );
  await expect(panel.locator('[data-name="Bob Baker"]')).toContainText('Support');
  await expect(panel.locator('[data-name="Bob Baker"]').getByTestId('participant-status')).toHaveText('Online');
  await fay.page.screenshot({ path: test.info().outputPath('participant-panel.png') });
  await ann.page.screenshot({ path: test.info().outputPath('following-banner.png') });

  // Ann pans by hand: she stops following.
  const ac = await canvasCentre(ann);
  await ann.page.mouse.move(ac.x, ac.y);
  await ann.page.mouse.wheel(-200, 0);
  await expect(ann.page.getByTestId('follow-banner')).toHaveCount(0);
  await expect(panel.locator('[data-name="Ann Archer"]').getByTestId('participant-follows')).toHaveCount(0);

  // Fay zooms somewhere else and brings everyone to her view.
  await fay.page.getByRole('button', { name: 'Close' }).first().click();
  const fc = await canvasCentre(fay);
  await fay.page.mouse.move(fc.x + 150, fc.y + 80);
  await fay.page.keyboard.down('Control');
  await fay.page.mouse.wheel(0, -120);
  await fay.page.keyboard.up('Control');
  await fay.page.mouse.wheel(300, 200);
  const target = await centreOnBoard(fay);
  await fay.page.getByTestId('facilitate-button').click();
  await fay.page.getByTestId('bring-everyone').click();
  for (const p of [ann, bob]) {
    await expect
      .poll(async () => {
        const at = await centreOnBoard(p);
        return Math.hypot(at.x - target.x, at.y - target.y);
      })
      .toBeLessThan(8);
  }

  // Hide everyone's cursors: Ann sees none of Bob's, Fay still sees them.
  await bob.page.mouse.move(c.x + 40, c.y + 40);
  await bob.page.mouse.move(c.x + 60, c.y + 50);
  await expect
    .poll(() => ann.page.evaluate(() => window.__journeyboard!.canvasShapeCount('peer-cursor')))
    .toBeGreaterThan(0);
  await fay.page.getByTestId('facilitate-button').click(); // "Bring everyone" closed the menu
  await fay.page.getByTestId('hide-cursors').check();
  await expect.poll(async () => (await workshopState(ann.page)).cursorsHidden).toBe(true);
  await expect.poll(() => ann.page.evaluate(() => window.__journeyboard!.canvasShapeCount('peer-cursor'))).toBe(0);
  await expect
    .poll(() => fay.page.evaluate(() => window.__journeyboard!.canvasShapeCount('peer-cursor')))
    .toBeGreaterThan(0);
  await fay.page.getByTestId('hide-cursors').uncheck();
  await expect
    .poll(() => ann.page.evaluate(() => window.__journeyboard!.canvasShapeCount('peer-cursor')))
    .toBeGreaterThan(0);
});
