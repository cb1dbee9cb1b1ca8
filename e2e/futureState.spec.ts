import { readFile } from 'node:fs/promises';
import { seriousViolations } from './axe.ts';
import { annOnNewBoard, expect, test } from './fixtures.ts';
import { FutureStateObject } from './FutureStateObject.ts';

test('future-state board and its compare view: make it, change a note on the future board, see it in the compare', async ({
  browser,
  server,
}) => {
  const { boardId, a } = await annOnNewBoard(browser, server, 'Checkout', 'ecommerce');
  const states = new FutureStateObject(a.page);
  await states.make();
  await expect(a.page.getByTestId('open-future-state')).toContainText('Checkout (future state)');

  await states.openOther();
  await a.waitReady();
  await expect(a.page).not.toHaveURL(new RegExp(`/b/${boardId}`));
  await expect(a.page.getByTestId('board-title')).toHaveValue('Checkout (future state)');
  await expect(a.page.getByTestId('open-current-state')).toContainText('Future state of Checkout');
  // The same notes, with the same ids: the copy keeps them so the compare can match them.
  const future = await a.board();
  const pain = future.notes.find((n) => n.kind === 'pain')!;
  const stageName = future.stages.find((s) => s.id === pain.stageId)!.name;
  await a.editNote(pain.id, 'Solved: delivery cost shown up front');

  const dialog = await states.openCompare();
  const stage = states.stage(dialog, stageName);
  await expect(stage.getByText('Solved: delivery cost shown up front')).toBeVisible();
  await expect(stage.getByText(`(was “${pain.text}”)`)).toBeVisible();
  await expect(dialog.getByTestId('compare-totals')).toContainText('0 removed');
  expect(await seriousViolations(a.page, '.compare-dialog')).toEqual([]);

  const download = a.page.waitForEvent('download');
  await dialog.getByTestId('compare-markdown').click();
  const markdown = await readFile((await (await download).path())!, 'utf8');
  expect(markdown).toContain('Solved: delivery cost shown up front | kept (was');
  const pdf = a.page.waitForEvent('download');
  await dialog.getByTestId('compare-pdf').click();
  expect((await pdf).suggestedFilename()).toBe('current-and-future-state.pdf');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Back to the current board through the chip: its note is as it was.
  await states.openOther();
  await a.waitReady();
  await expect(a.page.getByTestId('board-title')).toHaveValue('Checkout');
  expect((await a.board()).notes.find((n) => n.id === pain.id)!.text).toBe(pain.text);
});
