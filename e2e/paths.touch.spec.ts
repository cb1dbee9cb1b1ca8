import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { drawTwoPaths } from './pathsSetup.ts';
import { TouchBoardObject } from './TouchBoardObject.ts';
import { TouchObject } from './TouchObject.ts';

test('touch: path highlight from a start note: tap the note, Paths, tap a path', async ({ browser, server }) => {
  const boardId = await server.createBoard('Paths on the go', 'ecommerce');
  const fay = await TouchBoardObject.join(browser, server, { name: 'Fay Doe', department: 'product' });
  await fay.openAs(boardId, 'facilitator');
  // The paths are drawn on a laptop beside the phone (drawing is another spec's concern).
  const ann = await TouchBoardObject.laptop(browser, server, { name: 'Ann Lee', department: 'sales' });
  await ann.openAs(boardId, 'editor');
  const [start] = await drawTwoPaths(ann);
  await expect.poll(async () => (await fay.board()).notes.length).toBeGreaterThan(0);

  const touch = new TouchObject(fay.page);
  const r = await fay.noteRect(start);
  await touch.tap({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
  const toolbar = fay.page.getByTestId('selection-toolbar');
  // On a phone Paths is behind the sheet's "More"; a tablet shows it at once.
  if (test.info().project.name === 'phone') await toolbar.getByRole('button', { name: 'More', exact: true }).tap();
  const paths = toolbar.getByRole('button', { name: 'Paths' });
  await paths.tap();
  const panel = fay.page.getByTestId('paths-panel');
  await expect(panel.getByTestId('path-item')).toHaveCount(2);
  const second = panel.getByTestId('path-item').nth(1).getByRole('button');
  expect((await second.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await second.tap();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByRole('button', { name: 'Vote on this path' })).toBeVisible();
  expect(await seriousViolations(fay.page, '[data-testid="paths-panel"]')).toEqual([]);
});
