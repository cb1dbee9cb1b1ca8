import { expect, test } from './fixtures.ts';
import { type Bar, TouchBoardObject } from './TouchBoardObject.ts';

/** The panels a phone opens as full-screen sheets, from the bar that opens each. */
const SHEETS: readonly { bar: Bar; control: string; sheet: string }[] = [
  { bar: 'topbar', control: 'facilitate-button', sheet: 'facilitate-panel' },
  { bar: 'topbar', control: 'participants-button', sheet: 'participant-panel' },
  { bar: 'topbar', control: 'comments-toggle', sheet: 'comments-panel' },
  { bar: 'topbar', control: 'history-button', sheet: 'history-panel' },
  { bar: 'toolbar', control: 'personas-toggle', sheet: 'personas-panel' },
  { bar: 'toolbar', control: 'teams-toggle', sheet: 'teams-panel' },
  { bar: 'toolbar', control: 'kpis-toggle', sheet: 'kpi-panel' },
  { bar: 'toolbar', control: 'priorities-toggle', sheet: 'priority-panel' },
];

test('on a phone the board, the list view, each sheet and the share dialog pass axe; sheets fill the screen and close', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Audit on a phone', 'ecommerce');
  const fay = await TouchBoardObject.join(browser, server, { name: 'Fay Doe', department: 'product' });
  await fay.openAs(boardId, 'facilitator');
  const page = fay.page;
  const size = page.viewportSize()!;
  expect(await fay.seriousAxeFindings(), 'the board').toEqual([]);

  for (const { bar, control, sheet } of SHEETS) {
    await (await fay.reach(bar, control)).tap();
    const shown = page.getByTestId(sheet);
    await expect(shown).toBeVisible();
    expect(await shown.boundingBox(), sheet).toEqual({ x: 0, y: 0, width: size.width, height: size.height });
    expect(await fay.seriousAxeFindings(), sheet).toEqual([]);
    const close = shown.getByRole('button', { name: /^Close/ }).first();
    await fay.expectOnScreen(close);
    await close.tap();
    await expect(shown).toBeHidden();
  }

  await (await fay.reach('topbar', 'share-button')).tap();
  const share = page.getByRole('dialog', { name: 'Share this board' });
  await expect(share.getByTestId('share-qr-editor')).toBeVisible();
  expect(await fay.seriousAxeFindings(), 'the share dialog').toEqual([]);
  await share.getByTestId('show-room-editor').tap();
  await expect(page.getByTestId('room-qr-code')).toBeVisible();
  expect(await fay.seriousAxeFindings(), 'the room view').toEqual([]);
  await page.getByTestId('room-qr-close').tap();
  await page.getByTestId('share-close').tap();

  await fay.openList();
  await page
    .getByRole('button', { name: /^Add note to/ })
    .first()
    .tap();
  expect(await fay.seriousAxeFindings(), 'the list view').toEqual([]);
});
