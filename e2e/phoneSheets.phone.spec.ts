import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { PANELS, TouchBoardObject } from './TouchBoardObject.ts';

/** On a phone every panel is a full-screen sheet, Facilitate too. */
const SHEETS = [{ bar: 'topbar', control: 'facilitate-button', panel: 'facilitate-panel' } as const, ...PANELS];

test('on a phone the board, the list view, each sheet and the share dialog pass axe; sheets fill the screen and close', async ({
  browser,
  server,
}) => {
  const fay = await TouchBoardObject.facilitating(browser, server, 'Audit on a phone');
  const page = fay.page;
  const size = page.viewportSize()!;
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
