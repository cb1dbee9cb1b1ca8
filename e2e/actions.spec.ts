import { expect, test, annAndBobOnNewBoard } from './fixtures.ts';

test('a pain point becomes an action with owner, status and due date; a colleague sees it', async ({
  browser,
  server,
}) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Actions', 'ecommerce');
  const pain = (await a.board()).notes.find((n) => n.text === 'Shipping cost only shown at the last step')!;
  const toolbar = await a.makeAction(pain.id);
  await toolbar.getByLabel('Owner').fill('Priya');
  await toolbar.getByLabel('Owner').press('Tab');
  await toolbar.getByLabel('Status').selectOption('in-progress');
  await toolbar.getByLabel('Due date').fill('2026-12-15');
  await expect
    .poll(async () => (await b.noteById(pain.id))?.action)
    .toEqual({ owner: 'Priya', status: 'in-progress', due: '2026-12-15', issueUrl: null });
  // B's canvas draws the action strip on the note.
  await expect.poll(() => b.page.evaluate(() => window.__journeyboard!.canvasShapeCount('note-action'))).toBe(1);
});
