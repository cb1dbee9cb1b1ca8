import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { BoardPageObject } from './BoardPageObject.ts';
import { VotingObject } from './VotingObject.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type { TestServer } from './server.ts';

/**
 * What a facilitator trips on in a first workshop, checked through the UI a person uses: each
 * control found by its role and clicked, at a laptop (1440×900) and a small laptop (1280×720) size.
 */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

async function facilitatorAt(browser: Browser, server: TestServer, viewport: { width: number; height: number }): Promise<BoardPageObject> {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  await context.addInitScript(() => localStorage.setItem('journeyboard.identity', JSON.stringify({ id: 'user-fay', name: 'Fay Doe', department: 'product' })));
  return new BoardPageObject(await context.newPage());
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test('the Priorities panel backup buttons are not covered by the voting dock', async ({ browser, server }) => {
      const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
      const board = await facilitatorAt(browser, server, viewport);
      await board.open(boardId);
      const page = board.page;
      await page.getByRole('button', { name: 'Priorities' }).click();
      const panel = page.getByRole('complementary', { name: 'Priority list' });
      await expect(panel).toBeVisible();
      // No force: Playwright refuses to click a button another element lies over.
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export' }).click({ timeout: 5_000 })]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Import…' }).click({ timeout: 5_000 })]);
      expect(chooser.isMultiple()).toBe(false);
      await expect(page.getByRole('dialog', { name: 'Start a voting round' })).toBeHidden();
      // And the panel ends above the floating voting dock, whatever lies where.
      const [panelBox, dockBox] = [await panel.boundingBox(), await page.getByTestId('voting-dock').boundingBox()];
      expect(panelBox!.y + panelBox!.height).toBeLessThanOrEqual(dockBox!.y);
    });

    test('nothing floating covers the board or a panel: Facilitate menu, KPI row after Fit, one side panel at a time, the title', async ({ browser, server }) => {
      const title = 'Checkout workshop';
      const boardId = await server.createBoard(title, 'ecommerce');
      const board = await facilitatorAt(browser, server, viewport);
      await board.open(boardId);
      const page = board.page;
      // The title shows whole when the bar has room for it.
      const titleBox = page.getByRole('textbox', { name: 'Board title' });
      await expect(titleBox).toHaveValue(title);
      expect(await titleBox.evaluate((i) => i.scrollWidth <= i.clientWidth)).toBe(true);

      // Fit keeps the KPI row above the toolbar and the voting dock.
      const above = async (bar: import('@playwright/test').Locator) => {
        const top = (await bar.boundingBox())!.y;
        const rows = await page.evaluate(() => window.__journeyboard!.kpiRects());
        return Math.max(...rows.map((r) => r.page.y + r.page.height)) <= top;
      };
      await page.getByRole('button', { name: 'Fit' }).click();
      expect(await above(page.getByRole('toolbar', { name: 'Board tools' }))).toBe(true);
      expect(await above(page.getByTestId('voting-dock'))).toBe(true);

      // The Facilitate menu's last button is inside it, and clickable.
      await page.getByRole('button', { name: 'Facilitate' }).click();
      const menu = page.getByRole('dialog', { name: 'Facilitate' });
      const start = menu.getByRole('button', { name: 'Start private writing' });
      await start.scrollIntoViewIfNeeded();
      const [m, b] = [(await menu.boundingBox())!, (await start.boundingBox())!];
      expect(b.x >= m.x && b.x + b.width <= m.x + m.width).toBe(true);
      expect(await start.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await start.click({ timeout: 5_000 });
      // The board, still at its fitted view, moves up above the private-writing bar.
      const pwBar = page.getByRole('region', { name: 'Private writing' });
      await expect(pwBar).toBeVisible();
      await expect.poll(() => above(pwBar)).toBe(true);
      await page.getByRole('button', { name: 'Facilitate' }).click();
      await menu.getByRole('button', { name: 'Cancel' }).click();

      // A revealed round opens its results; opening Comments replaces them instead of covering them.
      const voting = new VotingObject(board);
      await voting.start({ title: 'Fix first?', dots: 1 });
      const pain = (await board.board()).notes.find((n) => n.kind === 'pain')!;
      await voting.clickNote(pain.id);
      await page.getByRole('button', { name: 'Reveal' }).click();
      await expect(voting.results).toBeVisible();
      await page.getByRole('button', { name: /^Comments/ }).click();
      await expect(page.getByRole('complementary', { name: 'Comments' })).toBeVisible();
      await expect(voting.results).toBeHidden();
      await page.getByRole('button', { name: /^Results/ }).click();
      await expect(voting.results).toBeVisible();
      await expect(page.getByRole('complementary', { name: 'Comments' })).toBeHidden();
    });
  });
}

test('notes left empty go away: ten quick toolbar adds, a stray double-click then Esc', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const before = (await board.board()).notes.length;
  const addPain = page.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'Pain point', exact: true });
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

test('every dialog closes on Esc and gives the focus back to the button that opened it', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const openers = [
    { button: page.getByRole('button', { name: 'Start voting' }), dialog: 'Start a voting round' },
    { button: page.getByRole('button', { name: 'Share' }), dialog: 'Share this board' },
    { button: page.getByRole('button', { name: 'Keyboard shortcuts' }), dialog: 'Keyboard shortcuts' },
  ];
  for (const { button, dialog } of openers) {
    await button.click();
    const open = page.getByRole('dialog', { name: dialog });
    await expect(open).toBeVisible();
    if (dialog === 'Start a voting round') {
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[role="dialog"]').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect(open).toBeHidden();
    await expect(button).toBeFocused();
  }
});

test('the Facilitate menu closes once private writing starts, and once it is revealed', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const facilitate = page.getByRole('button', { name: 'Facilitate' });
  const menu = page.getByRole('dialog', { name: 'Facilitate' });
  await facilitate.click();
  await menu.getByRole('button', { name: 'Start private writing' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('region', { name: 'Private writing' })).toBeVisible();
  await expect(facilitate).toBeFocused();
  await facilitate.click();
  await menu.getByRole('button', { name: 'Reveal notes' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('region', { name: 'Private writing' })).toBeHidden();
});

test('Enter finishes a note, Shift+Enter breaks the line, a trailing break is not kept', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const before = new Set((await board.board()).notes.map((n) => n.id));
  const [stage, lane] = [await board.stage('Awareness'), await board.lane('Pain points')];
  const cell = await board.cellRect(stage.id, lane.id);
  await page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
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
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
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
  expect(pain).toMatchObject({ stageId: (await board.stage('Delivery')).id, laneId: (await board.lane('Pain points')).id });
  // A kind with its own lane: that lane, in the clicked stage.
  const idea = await addVia('Advocacy', 'Touchpoints', 'Opportunity', 'Referral code');
  expect(idea).toMatchObject({ stageId: (await board.stage('Advocacy')).id, laneId: (await board.lane('Opportunities')).id });
});

test('labels read right: “Add an emotion”, departments by their name alone, Support marked “Su”', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const tools = page.getByRole('toolbar', { name: 'Board tools' });
  await expect(tools.getByRole('button', { name: 'Emotion', exact: true })).toHaveAttribute('title', 'Add an emotion');
  await expect(tools.getByRole('button', { name: 'Opportunity', exact: true })).toHaveAttribute('title', 'Add an opportunity');
  await expect(tools.getByRole('button', { name: 'Pain point', exact: true })).toHaveAttribute('title', 'Add a pain point');

  await page.getByRole('button', { name: 'Teams' }).click();
  const teams = page.getByRole('complementary', { name: 'Teams on this journey' });
  const support = teams.getByRole('button', { name: 'Support', exact: true });
  await expect(support).toBeVisible();
  expect(await support.evaluate((b) => (b as HTMLElement).innerText.trim())).toBe('Support');
  await expect(support.locator('.dept-mark')).toHaveAttribute('data-mark', 'Su');

  await page.getByTestId('identity-button').click();
  const join = page.getByRole('dialog', { name: 'Your name and team' });
  await expect(join.getByRole('radio', { name: 'Marketing', exact: true })).toBeVisible();
  expect(await join.getByRole('radiogroup', { name: 'Department' }).evaluate((g) => (g as HTMLElement).innerText.replace(/\s+/g, ' ').trim())).toBe('Marketing Sales Support Product Other');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
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
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const kpis = await page.evaluate(() => window.__journeyboard!.kpiRects());
  expect(kpis.length).toBe(7);
  await page.getByRole('button', { name: 'Priorities' }).click();
  const panel = page.getByRole('complementary', { name: 'Priority list' });
  const save = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name, exact: true }).click()]);
    return readFileSync((await file.path())!);
  };
  // Whole board at 2×, 24 board units of margin: each card's coloured status stripe is there.
  const whole = await save('PNG');
  writeFileSync(test.info().outputPath('board.png'), whole); // to look at
  expect(await saturatedAt(page, whole, kpis.map(({ board: r }) => ({ x: (r.x + 24 + 3) * 2, y: (r.y + 24 + r.height / 2) * 2 })))).toEqual(kpis.map(() => true));
  // The view at 2×: the cards the panel does not hide, where the screen shows them.
  const canvas = (await page.getByTestId('board-canvas').boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  const seen = kpis.filter(({ page: r }) => r.x + r.width < panelBox.x && r.y + r.height < canvas.y + canvas.height);
  expect(seen.length).toBeGreaterThan(0);
  const view = await save('PNG of view');
  const stripe = (r: { x: number; y: number; height: number }) => ({ x: (r.x - canvas.x) * 2 + 3, y: (r.y - canvas.y + r.height / 2) * 2 });
  expect(await saturatedAt(page, view, seen.map(({ page: r }) => stripe(r)))).toEqual(seen.map(() => true));
  // The PDF embeds the whole-board image drawn by the same code; it downloads.
  expect((await save('PDF')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a paste longer than a note holds is cut at a line, and the note says so', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const before = new Set((await board.board()).notes.map((n) => n.id));
  const [stage, lane] = [await board.stage('Awareness'), await board.lane('Pain points')];
  const cell = await board.cellRect(stage.id, lane.id);
  await page.mouse.dblclick(cell.x + cell.width - 12, cell.y + cell.height - 8);
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
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
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const text = 'موعد التسليم غير واضح';
  const id = await board.addNote('Awareness', 'Pain points', text);
  const shown = await page.waitForFunction((t) => {
    const node = window.Konva!.stages[0]?.find('Text').find((n) => (n as unknown as { text(): string }).text() === t) as unknown as { direction(): string; align(): string } | undefined;
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
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('plain text pasted onto the board becomes notes in the clicked cell, with a preview past 10 lines', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
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
  const pasted = (await board.board()).notes.filter((n) => n.stageId === stage.id && n.laneId === lane.id).map((n) => n.text);
  expect(pasted).toEqual(expect.arrayContaining(['Parcel left outside', 'No tracking link']));

  const many = Array.from({ length: 14 }, (_, i) => `Interview ${i + 1}`).join('\n');
  await page.mouse.click(cell.x + cell.width - 12, cell.y + cell.height - 8);
  await pasteText(page, many);
  const preview = page.getByRole('dialog', { name: 'Paste 14 notes?' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveCount(12);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await preview.getByRole('button', { name: 'Paste 14 notes' }).click();
  await expect(preview).toBeHidden();
  await expect.poll(count).toBe(before + 16);
});

test('a board opens at a readable zoom; Fit shows it whole; the editor stays readable when zoomed out', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId, 'facilitator', { fit: false });
  const page = board.page;
  const note = (await board.board()).notes[0]!;
  // Note text is 13.5 board units on a 176-unit note.
  const textPx = async () => ((await board.noteRect(note.id)).width / 176) * 13.5;
  expect(await textPx()).toBeGreaterThanOrEqual(11);

  await page.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(textPx).toBeLessThan(11);
  const canvas = (await page.getByTestId('board-canvas').boundingBox())!;
  const size = await page.evaluate(() => window.__journeyboard!.layoutSize());
  const scale = (await board.noteRect(note.id)).width / 176;
  expect(size.width * scale).toBeLessThanOrEqual(canvas.width);
  expect(size.height * scale).toBeLessThanOrEqual(canvas.height);

  const r = await board.noteRect(note.id);
  await page.mouse.dblclick(r.x + r.width / 2, r.y + r.height / 2);
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  expect(parseFloat(await editor.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(11);
});

test('after a reveal, the totals stay on the notes: with the results closed, and after a reload', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  const voting = new VotingObject(board);
  await voting.start({ title: 'Fix first?', dots: 1 });
  const pain = (await board.board()).notes.find((n) => n.kind === 'pain')!;
  await voting.clickNote(pain.id);
  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(voting.results).toBeVisible();
  await expect.poll(() => voting.badgeText(pain.id)).toBe('1');
  await voting.results.getByRole('button', { name: 'Close' }).click();
  await expect(voting.results).toBeHidden();
  await expect.poll(() => voting.badgeText(pain.id)).toBe('1');
  await page.reload();
  await board.waitReady();
  await expect.poll(() => voting.badgeText(pain.id)).toBe('1');
  // Hidden from the results panel, they go.
  await page.getByRole('button', { name: /^Results/ }).click();
  await voting.results.getByRole('checkbox', { name: 'Dots on the board' }).uncheck();
  await expect.poll(() => voting.badgeText(pain.id)).toBeNull();
});
