import { expect, personPage, test, boardPageAs, FAY } from './fixtures.ts';
import { BoardPageObject } from './BoardPageObject.ts';
import { boardLinks } from './server.ts';

test('a viewer link opens the board read-only, and the viewer still follows edits live', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Read only');
  const viewer = await boardPageAs(browser, server, { name: 'Vera Voss', department: 'sales' });
  const facilitator = await boardPageAs(browser, server, FAY);
  // The strict Content-Security-Policy must not block anything the client needs.
  const violations: string[] = [];
  viewer.page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await viewer.open(boardId, 'viewer');
  await facilitator.open(boardId);

  await expect(viewer.page.getByTestId('role-badge')).toHaveText(/View only/);
  await expect(viewer.page.getByTestId('read-only-banner')).toContainText('view-only link');
  await expect(viewer.page.getByTestId('add-touchpoint')).toHaveCount(0);
  await expect(viewer.page.getByTestId('undo')).toHaveCount(0);
  await expect(viewer.page.getByTestId('board-title')).toHaveAttribute('readonly', '');
  // The token left the address bar once read (it is kept for "recent boards").
  expect(new URL(viewer.page.url()).hash).toBe('');

  // Double-clicking a cell opens no editor; dragging moves nothing.
  const board = await viewer.board();
  const cell = await viewer.cellRect(board.stages[0]!.id, board.lanes[0]!.id);
  await viewer.page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
  await expect(viewer.page.getByTestId('note-editor')).toHaveCount(0);
  const before = (await viewer.board()).notes.length;

  const added = await facilitator.addNote('Awareness', 'Touchpoints', 'Seen by the viewer');
  await expect.poll(async () => (await viewer.noteById(added))?.text).toBe('Seen by the viewer');
  expect((await viewer.board()).notes.length).toBe(before + 1);
  await viewer.screenshot(test.info().outputPath('viewer.png'));
  expect(violations).toEqual([]);
});

test('an editor link edits; its Share dialog offers the editor, commenter and viewer links only', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Editing');
  const editor = await boardPageAs(browser, server, { name: 'Eddie Ek', department: 'support' });
  await editor.open(boardId, 'editor');
  await expect(editor.page.getByTestId('role-badge')).toHaveText(/Editor/);
  await expect(editor.page.getByTestId('read-only-banner')).toHaveCount(0);
  const note = await editor.addNote('Awareness', 'Touchpoints', 'Written by an editor');

  // What the editor wrote reached the server: a fresh facilitator page sees it.
  const facilitator = await boardPageAs(browser, server, FAY);
  await facilitator.open(boardId);
  await expect.poll(async () => (await facilitator.noteById(note))?.text).toBe('Written by an editor');

  await editor.page.getByTestId('share-button').click();
  const dialog = editor.page.getByRole('dialog', { name: 'Share this board' });
  await expect(dialog.getByTestId('share-editor')).toBeVisible();
  await expect(dialog.getByTestId('share-commenter')).toBeVisible();
  await expect(dialog.getByTestId('share-viewer')).toBeVisible();
  await expect(dialog.getByTestId('share-facilitator')).toHaveCount(0);
  await expect(dialog.getByTestId('rotate-viewer')).toHaveCount(0); // only facilitators replace links
});

test('the Share dialog copies links; a facilitator replaces a link and its user is disconnected', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Sharing', 'ecommerce');
  const page = await personPage(browser, server, { name: 'Fay Flint', department: 'marketing' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const facilitator = new BoardPageObject(page);
  await facilitator.open(boardId);
  await expect(page.getByTestId('role-badge')).toHaveText(/Facilitator/);

  await page.getByTestId('share-button').click();
  const dialog = page.getByRole('dialog', { name: 'Share this board' });
  for (const role of ['facilitator', 'editor', 'commenter', 'viewer'])
    await expect(dialog.getByTestId(`share-${role}`)).toBeVisible();
  await dialog.getByTestId('copy-viewer').click();
  await expect(dialog.getByTestId('copy-viewer')).toHaveText(/Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${server.url}${boardLinks.get(boardId)!.viewer}`);
  await page.screenshot({ path: test.info().outputPath('share-dialog.png') });

  // Someone joins with the copied viewer link.
  const guest = await personPage(browser, server, { name: 'Gus Guest', department: 'other' });
  await guest.goto(copied);
  const guestBoard = new BoardPageObject(guest);
  await guestBoard.waitReady();
  await expect(guest.getByTestId('role-badge')).toHaveText(/View only/);

  // The facilitator replaces the viewer link, after confirming.
  await dialog.getByTestId('rotate-viewer').click();
  await expect(dialog.getByRole('alertdialog')).toContainText('stops working');
  await dialog.getByTestId('confirm-rotate-viewer').click();
  await expect(dialog.getByTestId('share-url-viewer')).not.toHaveValue(copied);
  await expect(guest.getByTestId('board-unavailable')).toContainText('replaced the link');
  // Nor does the board open from the copy on the guest's device.
  await guest.reload();
  await expect(guest.getByTestId('board-unavailable')).toBeVisible();
  await expect(guest.getByTestId('board-canvas')).toHaveCount(0);

  // The old link no longer opens the board.
  const late = await personPage(browser, server, { name: 'Lou Late', department: 'sales' });
  await late.goto(copied);
  await expect(late.getByTestId('board-unavailable')).toContainText('You need a share link');
});
