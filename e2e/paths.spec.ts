import { seriousViolations } from './axe.ts';
import { annOnNewBoard, BOB, boardPageAs, expect, test } from './fixtures.ts';
import { drawTwoPaths } from './pathsSetup.ts';
import { VotingObject } from './VotingObject.ts';

test('path highlight from a start note: P shows its paths (others dimmed, the drop-out marked), one is chosen, marked as the happy path, and the curve follows it', async ({
  browser,
  server,
}) => {
  const { a } = await annOnNewBoard(browser, server, 'Paths', 'ecommerce');
  const [start] = await drawTwoPaths(a);
  const shapes = (name: string) => a.page.evaluate((n) => window.__journeyboard!.canvasShapeCount(n), name);

  // Keyboard: select the start note, press P.
  const r = await a.noteRect(start);
  await a.page.mouse.click(r.x + 20, r.y + 20);
  await a.page.keyboard.press('p');
  const panel = a.page.getByTestId('paths-panel');
  await expect(panel).toBeVisible();
  const items = panel.getByTestId('path-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('2 steps, ends');
  await expect(items.nth(1)).toContainText('1 step, customers drop out');
  await expect.poll(() => shapes('path-drop-out')).toBe(1);
  expect(await seriousViolations(a.page, '[data-testid="paths-panel"]')).toEqual([]);

  // Choosing the first path: only its drop-out-free route stays marked.
  const first = items.nth(0).getByRole('button');
  await first.focus();
  await a.page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => shapes('path-drop-out')).toBe(0);

  await panel.getByRole('button', { name: 'Mark as the happy path' }).click();
  await expect(items.nth(0)).toContainText('Happy path');
  await panel.getByLabel('Emotion curve follows this path').check();
  await expect(panel.getByTestId('path-curve-note')).toContainText('No note on this path has a sentiment');
  await expect(a.page.getByText('Emotion curve along the chosen path')).toBeVisible();

  // Undo takes the marking back.
  await a.page.getByTestId('board-canvas').click({ position: { x: 5, y: 5 } });
  await a.page.keyboard.press('Control+z');
  await expect(items.nth(0)).not.toContainText('Happy path');
});

test('a viewer selects a note on the canvas and sees the paths from it, with nothing to mark or vote on', async ({
  browser,
  server,
}) => {
  const { boardId, a } = await annOnNewBoard(browser, server, 'Paths for viewers', 'ecommerce');
  const [start] = await drawTwoPaths(a);
  const viewer = await boardPageAs(browser, server, BOB);
  await viewer.open(boardId, 'viewer');
  await expect(viewer.page.getByTestId('read-only-banner')).toBeVisible();
  await expect.poll(async () => (await viewer.board()).notes.length).toBe((await a.board()).notes.length);

  const r = await viewer.noteRect(start);
  await viewer.page.mouse.click(r.x + 20, r.y + 20);
  const toolbar = viewer.page.getByTestId('selection-toolbar');
  // Only what reads: no kind, colour or delete for a viewer.
  await expect(toolbar.getByRole('button')).toHaveText(['Paths']);
  await toolbar.getByRole('button', { name: 'Paths' }).click();
  const panel = viewer.page.getByTestId('paths-panel');
  const items = panel.getByTestId('path-item');
  await expect(items).toHaveCount(2);
  await expect.poll(() => viewer.page.evaluate(() => window.__journeyboard!.canvasShapeCount('path-drop-out'))).toBe(1);
  await items.nth(0).getByRole('button').click();
  await expect(panel.getByLabel('Emotion curve follows this path')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Mark as the happy path' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Vote on this path' })).toHaveCount(0);
});

test('Vote on this path: the round takes dots on the path’s notes only, and its totals count only them', async ({
  browser,
  server,
}) => {
  const { a } = await annOnNewBoard(browser, server, 'Vote on a path', 'ecommerce');
  const voting = new VotingObject(a);
  const [start, second, third, dropOut] = await drawTwoPaths(a);
  const r = await a.noteRect(start);
  await a.page.mouse.click(r.x + 20, r.y + 20);
  await a.page.keyboard.press('p');
  const panel = a.page.getByTestId('paths-panel');
  await panel.getByTestId('path-item').nth(0).getByRole('button').click();
  await panel.getByRole('button', { name: 'Vote on this path' }).click();
  await expect(voting.bar).toBeVisible();
  await expect(voting.bar.getByTestId('voting-title')).toHaveText(/^Path: /);
  await expect(panel.getByRole('button', { name: 'Vote on this path' })).toBeDisabled();

  // The path's second note takes a dot; the drop-out (on the other path) and a pain point off
  // every path are faded and take none (the server refuses them too: server/paths.test.ts).
  await voting.clickNote(second);
  expect((await voting.state()).myDots).toEqual({ [second]: 1 });
  const offPath = (await a.board()).notes.find((n) => n.kind === 'pain' && ![start, second, third].includes(n.id))!;
  for (const id of [dropOut, offPath.id]) {
    const r = await a.noteRect(id);
    await a.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2 - 10);
  }
  await voting.clickNote(third);
  expect((await voting.state()).myDots).toEqual({ [second]: 1, [third]: 1 });
  await a.page.getByRole('button', { name: 'Reveal' }).click();
  await expect(voting.results).toBeVisible();
  const totals = (await voting.state()).rounds.at(-1)!.totals;
  expect(Object.keys(totals).sort()).toEqual([second, third].sort());
  expect(Object.values(totals)).toEqual([1, 1]);
});
