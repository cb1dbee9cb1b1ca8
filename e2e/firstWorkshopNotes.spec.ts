import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type { TestServer } from './server.ts';
import { expect, test } from './fixtures.ts';
import { seriousViolations } from './axe.ts';
import { facilitatorOnNewBoard } from './facilitatorPage.ts';
import { VotingObject } from './VotingObject.ts';

/**
 * A first workshop's notes: empty ones, Enter, where toolbar adds and pastes land, long pastes,
 * right-to-left text, what the exports draw and the totals after a reveal.
 */
test('notes left empty go away: ten quick toolbar adds, a stray double-click then Esc', async ({ browser, server }) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const before = (await board.board()).notes.length;
  const addPain = page
    .getByRole('toolbar', { name: 'Board tools' })
    .getByRole('button', { name: 'Pain point', exact: true });
  for (let i = 0; i < 10; i++) await addPain.click();
  const editor = page.getByTestId('note-editor');
  await expect(editor).toBeFocused();
  // Only the note being written exists; the nine before it were left empty.
  expect((await board.board()).notes.length).toBe(before + 1);
  await editor.press('Escape');
  await expect(editor).toBeHidden();
  await expect.poll(async () => (await board.board()).notes.length).toBe(before);

  const [stage, lane] = [await board.stage('Awareness'), await board.lane('Pain points')];
  const cell = await board.cellRect(stage.id, lane.id);
  await page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
  await expect(editor).toBeFocused();
  await editor.press('Escape');
  await expect(editor).toBeHidden();
  await expect.poll(async () => (await board.board()).notes.length).toBe(before);
  // Nothing to undo: the blank note's add and removal were one step that cancels out.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // A note with text stays, and still undoes in one step.
  const kept = await board.addNote('Awareness', 'Pain points', 'Delivery date unclear');
  expect((await board.noteById(kept))?.text).toBe('Delivery date unclear');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await board.noteById(kept)) === undefined).toBe(true);
});

test('Enter finishes a note, Shift+Enter breaks the line, a trailing break is not kept', async ({
  browser,
  server,
}) => {
  const { board, before, editor } = await editingNewNote(browser, server);
  await editor.pressSequentially('Delivery cost');
  await editor.press('Shift+Enter');
  await editor.pressSequentially('shown late');
  await editor.press('Shift+Enter');
  await editor.press('Enter');
  await expect(editor).toBeHidden();
  const added = (await board.board()).notes.find((n) => !before.has(n.id));
  expect(added?.text).toBe('Delivery cost\nshown late');
});

test('the toolbar adds a note to the cell last clicked, in that stage', async ({ browser, server }) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const tools = page.getByRole('toolbar', { name: 'Board tools' });
  const editor = page.getByRole('textbox', { name: 'Note text' });
  const addVia = async (stageName: string, laneName: string, kindButton: string, text: string) => {
    const [stage, lane] = [await board.stage(stageName), await board.lane(laneName)];
    const cell = await board.cellRect(stage.id, lane.id);
    const before = new Set((await board.board()).notes.map((n) => n.id));
    await page.mouse.click(cell.x + cell.width - 12, cell.y + cell.height - 8);
    await tools.getByRole('button', { name: kindButton, exact: true }).click();
    await expect(editor).toBeFocused();
    await editor.pressSequentially(text);
    await editor.press('Enter');
    await expect(editor).toBeHidden();
    return (await board.board()).notes.find((n) => !before.has(n.id))!;
  };
  const pain = await addVia('Delivery', 'Pain points', 'Pain point', 'Parcel left outside');
  expect(pain).toMatchObject({
    stageId: (await board.stage('Delivery')).id,
    laneId: (await board.lane('Pain points')).id,
  });
  // A kind with its own lane: that lane, in the clicked stage.
  const idea = await addVia('Advocacy', 'Touchpoints', 'Opportunity', 'Referral code');
  expect(idea).toMatchObject({
    stageId: (await board.stage('Advocacy')).id,
    laneId: (await board.lane('Opportunities')).id,
  });
});

/** Is the pixel at (x, y) of a PNG a saturated colour (a KPI card's status stripe), not a grey fill? */
async function saturatedAt(page: Page, png: Buffer, points: readonly { x: number; y: number }[]): Promise<boolean[]> {
  return page.evaluate(
    async ([b64, pts]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return pts.map((p) => {
        const [r, g, b] = ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data;
        return Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 60;
      });
    },
    [png.toString('base64'), points] as const,
  );
}

test('the board PNG, the PNG of the view and the PDF draw the Stage KPIs row', async ({ browser, server }) => {
  const { page } = await facilitatorOnNewBoard(browser, server);
  const kpis = await page.evaluate(() => window.__journeyboard!.kpiRects());
  expect(kpis.length).toBe(7);
  await page.getByRole('button', { name: 'Priorities' }).click();
  const panel = page.getByRole('complementary', { name: 'Priority list' });
  const save = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name, exact: true }).click(),
    ]);
    return readFileSync((await file.path())!);
  };
  // Whole board at 2×, 24 board units of margin: each card's coloured status stripe is there.
  const whole = await save('PNG');
  writeFileSync(test.info().outputPath('board.png'), whole); // to look at
  expect(
    await saturatedAt(
      page,
      whole,
      kpis.map(({ board: r }) => ({ x: (r.x + 24 + 3) * 2, y: (r.y + 24 + r.height / 2) * 2 })),
    ),
  ).toEqual(kpis.map(() => true));
  // The view at 2×: the cards the panel does not hide, where the screen shows them.
  const canvas = (await page.getByTestId('board-canvas').boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  const seen = kpis.filter(({ page: r }) => r.x + r.width < panelBox.x && r.y + r.height < canvas.y + canvas.height);
  expect(seen.length).toBeGreaterThan(0);
  const view = await save('PNG of view');
  const stripe = (r: { x: number; y: number; height: number }) => ({
    x: (r.x - canvas.x) * 2 + 3,
    y: (r.y - canvas.y + r.height / 2) * 2,
  });
  expect(
    await saturatedAt(
      page,
      view,
      seen.map(({ page: r }) => stripe(r)),
    ),
  ).toEqual(seen.map(() => true));
  // The PDF embeds the whole-board image drawn by the same code; it downloads.
  expect((await save('PDF')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a paste longer than a note holds is cut at a line, and the note says so', async ({ browser, server }) => {
  const { board, page, before, editor } = await editingNewNote(browser, server);
  const lines = Array.from({ length: 200 }, (_, i) => `Interview ${i + 1}: the delivery date is unclear`);
  await editor.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, lines.join('\n'));
  const status = page.getByRole('status').filter({ hasText: 'characters' });
  await expect(status).toContainText('The pasted text was too long');
  await expect(status).toContainText('/ 2,000 characters');
  await editor.press('Enter');
  const added = (await board.board()).notes.find((n) => !before.has(n.id))!;
  expect(added.text.length).toBeLessThanOrEqual(2000);
  expect(added.text.split('\n').every((l, i) => l === lines[i])).toBe(true);
});

test('a note written in Arabic reads right to left, in the editor and on the board', async ({ browser, server }) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const text = 'موعد التسليم غير واضح';
  const id = await board.addNote('Awareness', 'Pain points', text);
  const shown = await page.waitForFunction((t) => {
    window.__journeyboard!.probeNotes();
    const node = window
      .Konva!.stages[0]?.find('Text')
      .find((n) => (n as unknown as { text(): string }).text() === t) as unknown as
      | { direction(): string; align(): string }
      | undefined;
    return node ? { direction: node.direction(), align: node.align() } : null;
  }, text);
  expect(await shown.jsonValue()).toEqual({ direction: 'rtl', align: 'right' });
  const r = await board.noteRect(id);
  await page.mouse.dblclick(r.x + r.width / 2, r.y + r.height / 2);
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toHaveAttribute('dir', 'auto');
  expect(await editor.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});

/** Pastes plain text where the focus is (the page: the board), as Ctrl+V would. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    (document.activeElement ?? document.body).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('plain text pasted onto the board becomes notes in the clicked cell, with a preview past 10 lines', async ({
  browser,
  server,
}) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const count = async () => (await board.board()).notes.length;
  const before = await count();
  // Nowhere chosen yet: it says what to do.
  await pasteText(page, 'Slow delivery');
  await expect(page.getByText('Click a cell first, then paste')).toBeVisible();
  expect(await count()).toBe(before);

  const [stage, lane] = [await board.stage('Delivery'), await board.lane('Pain points')];
  const cell = await board.cellRect(stage.id, lane.id);
  await page.mouse.click(cell.x + cell.width - 12, cell.y + cell.height - 8);
  await pasteText(page, '- Parcel left outside\n\n- No tracking link\n');
  await expect.poll(count).toBe(before + 2);
  const pasted = (await board.board()).notes
    .filter((n) => n.stageId === stage.id && n.laneId === lane.id)
    .map((n) => n.text);
  expect(pasted).toEqual(expect.arrayContaining(['Parcel left outside', 'No tracking link']));

  const many = Array.from({ length: 14 }, (_, i) => `Interview ${i + 1}`).join('\n');
  await page.mouse.click(cell.x + cell.width - 12, cell.y + cell.height - 8);
  await pasteText(page, many);
  const preview = page.getByRole('dialog', { name: 'Paste 14 notes?' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveCount(12);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await preview.getByRole('button', { name: 'Paste 14 notes' }).click();
  await expect(preview).toBeHidden();
  await expect.poll(count).toBe(before + 16);
});

test('after a reveal, the totals stay on the notes: with the results closed, and after a reload', async ({
  browser,
  server,
}) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const voting = new VotingObject(board);
  const pain = await voting.revealOneDotOnFirstPain();
  await expect.poll(() => voting.badgeText(pain.id)).toBe('1');
  await voting.results.getByRole('button', { name: 'Close' }).click();
  await expect(voting.results).toBeHidden();
  await expect.poll(() => voting.badgeText(pain.id)).toBe('1');
  await page.reload();
  await board.waitReady();
  await expect.poll(() => voting.badgeText(pain.id)).toBe('1');
  // Hidden from the results panel, they go.
  await page.getByRole('button', { name: /^Results/ }).click();
  await voting.results.getByRole('checkbox', { name: 'Dots on my board' }).uncheck();
  await expect.poll(() => voting.badgeText(pain.id)).toBeNull();
});

/** A facilitator's board with a new note just added (double-click in Awareness × Pain points) and its editor focused. */
async function editingNewNote(browser: Browser, server: TestServer) {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const before = new Set((await board.board()).notes.map((n) => n.id));
  const [stage, lane] = [await board.stage('Awareness'), await board.lane('Pain points')];
  const cell = await board.cellRect(stage.id, lane.id);
  await page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  return { board, page, before, editor };
}
