import { seriousViolations } from './axe.ts';
import { expect, test } from './touchFixtures.ts';
import { PANELS } from './TouchBoardObject.ts';

/** On a phone every panel is a full-screen sheet, Facilitate too. */
const SHEETS = [{ bar: 'topbar', control: 'facilitate-button', panel: 'facilitate-panel' } as const, ...PANELS];

test('on a phone the board, the list view, each sheet and the share dialog pass axe; sheets fill the screen and close', async ({
  facilitating,
}) => {
  const { fay, page, size } = await facilitating('Audit on a phone');
  // It opens on the first stage column, across the screen, at a zoom where notes are readable.
  const first = (await fay.board()).stages[0]!;
  const column = await page.evaluate((id) => window.__journeyboard!.stageHeaderRect(id)!, first.id);
  expect(column.x).toBeGreaterThanOrEqual(0);
  expect(column.x + column.width).toBeLessThanOrEqual(size.width);
  expect(column.width).toBeGreaterThan(size.width * 0.85);
  expect(await seriousViolations(page), 'the board').toEqual([]);

  for (const { bar, control, panel: sheet } of SHEETS) {
    await (await fay.reach(bar, control)).tap();
    const shown = page.getByTestId(sheet);
    await expect(shown).toBeVisible();
    expect(await shown.boundingBox(), sheet).toEqual({ x: 0, y: 0, width: size.width, height: size.height });
    expect(await seriousViolations(page), sheet).toEqual([]);
    const close = shown.getByRole('button', { name: /^Close/ }).first();
    await fay.expectOnScreen(close);
    await close.tap();
    await expect(shown).toBeHidden();
  }

  await (await fay.reach('topbar', 'share-button')).tap();
  const share = page.getByRole('dialog', { name: 'Share this board' });
  await expect(share.getByTestId('share-qr-editor')).toBeVisible();
  expect(await seriousViolations(page), 'the share dialog').toEqual([]);
  await share.getByTestId('show-room-editor').tap();
  await expect(page.getByTestId('room-qr-code')).toBeVisible();
  expect(await seriousViolations(page), 'the room view').toEqual([]);
  await page.getByTestId('room-qr-close').tap();
  await page.getByTestId('share-close').tap();

  await fay.openList();
  await page
    .getByRole('button', { name: /^Add note to/ })
    .first()
    .tap();
  expect(await seriousViolations(page), 'the list view').toEqual([]);
});

test('on a phone the selection toolbar passes axe, and its persona chips are 44 px touch targets', async ({
  facilitating,
}) => {
  const { fay } = await facilitating('Personas on a phone');
  const board = await fay.board();
  const note = board.notes.find((n) => n.stageId === board.stages[0]!.id)!;
  const rect = await fay.noteRect(note.id);
  await fay.page.touchscreen.tap(rect.x + rect.width / 2, rect.y + rect.height / 2);
  const toolbar = fay.page.getByTestId('selection-toolbar');
  await expect(toolbar).toBeVisible();
  // Folded, the sheet has the frequent actions only, in at most two rows of 44 px controls.
  await expect(toolbar.locator('.persona-chip')).toHaveCount(0);
  for (const name of ['Edit', 'Comment', 'Delete', 'More'])
    await fay.expectOnScreen(toolbar.getByRole('button', { name, exact: true }));
  expect((await toolbar.boundingBox())!.height).toBeLessThan(2 * 44 + 3 * 16);
  await fay.page.screenshot({ path: test.info().outputPath('selection-toolbar-phone.png') });
  expect(await seriousViolations(fay.page, '.selection-toolbar')).toEqual([]);
  // "More" unfolds the rest: team, channel, colour, personas, paths, duplicate.
  await toolbar.getByRole('button', { name: 'More', exact: true }).tap();
  await expect(toolbar.getByRole('button', { name: 'Less', exact: true })).toHaveAttribute('aria-expanded', 'true');
  for (const label of ['Department', 'Channel']) await expect(toolbar.getByLabel(label, { exact: true })).toBeVisible();
  for (const name of ['Paths', 'Duplicate'])
    await expect(toolbar.getByRole('button', { name, exact: true })).toBeAttached();
  await expect(toolbar.getByRole('group', { name: 'Colour' })).toBeAttached();
  await fay.page.screenshot({ path: test.info().outputPath('selection-toolbar-phone-more.png') });
  expect(await seriousViolations(fay.page, '.selection-toolbar')).toEqual([]);
  const chips = toolbar.locator('.persona-chip');
  expect(await chips.count()).toBeGreaterThan(0);
  for (const chip of await chips.all()) {
    await chip.scrollIntoViewIfNeeded();
    const box = (await chip.boundingBox())!;
    expect(Math.min(box.width, box.height), (await chip.textContent()) ?? 'chip').toBeGreaterThanOrEqual(44);
  }
});
