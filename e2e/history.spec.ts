import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { expect, test, boardPageAs, annAndBobOnNewBoard, annOnNewBoard } from './fixtures.ts';
import { HistoryPanelObject } from './HistoryPanelObject.ts';

// Review shots of the panel and the preview, outside test-results (Playwright empties that per run).
const SHOTS = process.env.SCREENS_DIR ?? resolve(tmpdir(), 'journeyboard-screens');

test('history: save a named checkpoint, change the board, preview what changed, restore; the other person sees it', async ({
  browser,
  server,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Checkout workshop', 'ecommerce');
  const history = new HistoryPanelObject(a.page);

  await history.open();
  await expect(history.panel).toContainText('No checkpoints yet');
  await history.save('After the sales workshop');
  await expect(history.item('After the sales workshop')).toContainText('Ann Lee');

  // Change things: one note removed, one added.
  const original = (await a.board()).notes[0]!;
  const r = await a.noteRect(original.id);
  await a.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await a.page.keyboard.press('Delete');
  await expect.poll(async () => (await b.noteById(original.id)) === undefined).toBe(true);
  const added = await a.addNote('Awareness', 'Touchpoints', 'Added after the checkpoint');
  await expect.poll(async () => (await b.noteById(added))?.text).toBe('Added after the checkpoint');

  const dialog = await history.preview('After the sales workshop');
  await expect(dialog.getByTestId('preview-summary')).toContainText('+1 added since');
  await expect(dialog.getByTestId('preview-summary')).toContainText('−1 removed since');
  await expect(dialog.getByTestId('mini-note').filter({ hasText: original.text }).first()).toBeVisible();
  await a.page.screenshot({ path: resolve(SHOTS, 'history-preview.png') });

  await history.restore(dialog);
  // Both people's boards: the removed note is back, the added one is gone.
  for (const p of [a, b]) {
    await expect.poll(async () => (await p.noteById(original.id))?.text).toBe(original.text);
    await expect.poll(async () => (await p.noteById(added)) === undefined).toBe(true);
  }
  await history.open();
  await expect(history.item('Before restoring “After the sales workshop”')).toHaveCount(1);
  await a.page.screenshot({ path: resolve(SHOTS, 'history-panel.png') });
});

test('history: someone with a view-only link can browse versions but not save or restore', async ({
  browser,
  server,
}) => {
  const { boardId, a } = await annOnNewBoard(browser, server, 'Viewer', 'ecommerce');
  const history = new HistoryPanelObject(a.page);
  await history.open();
  await history.save('Kickoff');

  const v = await boardPageAs(browser, server, { name: 'Val Ng', department: 'support' });
  await v.open(boardId, 'viewer');
  const viewerHistory = new HistoryPanelObject(v.page);
  await viewerHistory.open();
  await expect(viewerHistory.item('Kickoff')).toHaveCount(1);
  await expect(v.page.getByTestId('save-checkpoint')).toHaveCount(0);
  const dialog = await viewerHistory.preview('Kickoff');
  await expect(dialog.getByTestId('restore-checkpoint')).toHaveCount(0);
});
