import { expect, test, annAndBobOnNewBoard } from './fixtures.ts';
import type { BoardPageObject } from './BoardPageObject.ts';

test('the emotion curve moves when a colleague changes an emotion note’s sentiment', async ({ browser, server }) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Curve', 'ecommerce');
  const board = await b.board();
  const purchase = board.stages.findIndex((s) => s.name === 'Purchase');
  const note = board.notes.find((n) => n.kind === 'emotion' && n.stageId === board.stages[purchase]!.id)!;
  const pointAt = async (page: BoardPageObject) =>
    (await page.page.evaluate(() => window.__journeyboard!.curve()))[0]!.points.find((p) => p.stageIndex === purchase)!;
  const before = await pointAt(a);
  expect(before.mean).toBe(-2);
  // The drawn point exists on A's canvas where the curve says it is.
  const drawnY = () =>
    a.page.evaluate((i) => {
      const stage = window.Konva!.stages[0]!;
      const points = stage.find('.curve-point');
      const box = stage.container().getBoundingClientRect();
      return points.map((p) => p.getAbsolutePosition().y + box.top)[i];
    }, purchase);
  expect(await drawnY()).toBeCloseTo(before.y, 0);

  // B sets the note to +2.
  const r = await b.noteRect(note.id);
  await b.page.mouse.click(r.x + 20, r.y + 20);
  await b.page.getByRole('radio', { name: 'Very positive' }).click();

  await expect.poll(async () => (await pointAt(a)).mean).toBe(2);
  const after = await pointAt(a);
  expect(after.y).toBeLessThan(before.y); // higher on screen: happier
  await expect.poll(drawnY).toBeCloseTo(after.y, 0);
});
