import { expect, test } from './fixtures.ts';
import { seriousViolations } from './axe.ts';
import { facilitatorOnNewBoard, VIEWPORTS } from './facilitatorPage.ts';
import { VotingObject } from './VotingObject.ts';

/**
 * What a facilitator trips on in a first workshop, checked through the UI a person uses: each
 * control found by its role and clicked, at a laptop (1440×900) and a small laptop (1280×720)
 * size. Notes, pastes and exports: firstWorkshopNotes.spec.ts.
 */
for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test('the Priorities panel backup buttons are not covered by the voting dock', async ({ browser, server }) => {
      const { page } = await facilitatorOnNewBoard(browser, server, { viewport });
      await page.getByRole('button', { name: 'Priorities' }).click();
      const panel = page.getByRole('complementary', { name: 'Priority list' });
      await expect(panel).toBeVisible();
      // No force: Playwright refuses to click a button another element lies over.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Export' }).click({ timeout: 5_000 }),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        panel.getByRole('button', { name: 'Import…' }).click({ timeout: 5_000 }),
      ]);
      expect(chooser.isMultiple()).toBe(false);
      await expect(page.getByRole('dialog', { name: 'Start a voting round' })).toBeHidden();
      // And the panel ends above the floating voting dock, whatever lies where.
      const [panelBox, dockBox] = [await panel.boundingBox(), await page.getByTestId('voting-dock').boundingBox()];
      expect(panelBox!.y + panelBox!.height).toBeLessThanOrEqual(dockBox!.y);
    });

    test('nothing floating covers the board or a panel: Facilitate menu, KPI row after Fit, one side panel at a time, the title', async ({
      browser,
      server,
    }) => {
      const title = 'Checkout workshop';
      const { board, page } = await facilitatorOnNewBoard(browser, server, { title, viewport });
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
      await voting.revealOneDotOnFirstPain();
      await page.getByRole('button', { name: /^Comments/ }).click();
      await expect(page.getByRole('complementary', { name: 'Comments' })).toBeVisible();
      await expect(voting.results).toBeHidden();
      await page.getByRole('button', { name: /^Results/ }).click();
      await expect(voting.results).toBeVisible();
      await expect(page.getByRole('complementary', { name: 'Comments' })).toBeHidden();
    });
  });
}

test('every dialog closes on Esc and gives the focus back to the button that opened it', async ({
  browser,
  server,
}) => {
  const { page } = await facilitatorOnNewBoard(browser, server);
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
      expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect(open).toBeHidden();
    await expect(button).toBeFocused();
  }
});

test('the Facilitate menu closes once private writing starts, and once it is revealed', async ({ browser, server }) => {
  const { page } = await facilitatorOnNewBoard(browser, server);
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

test('labels read right: “Add an emotion”, departments by their name alone, Support marked “Su”', async ({
  browser,
  server,
}) => {
  const { page } = await facilitatorOnNewBoard(browser, server);
  const tools = page.getByRole('toolbar', { name: 'Board tools' });
  await expect(tools.getByRole('button', { name: 'Emotion', exact: true })).toHaveAttribute('title', 'Add an emotion');
  await expect(tools.getByRole('button', { name: 'Opportunity', exact: true })).toHaveAttribute(
    'title',
    'Add an opportunity',
  );
  await expect(tools.getByRole('button', { name: 'Pain point', exact: true })).toHaveAttribute(
    'title',
    'Add a pain point',
  );

  await page.getByRole('button', { name: 'Teams' }).click();
  const teams = page.getByRole('complementary', { name: 'Teams on this journey' });
  const support = teams.getByRole('button', { name: 'Support', exact: true });
  await expect(support).toBeVisible();
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, so innerText (textContent has the hidden parts)
  expect(await support.evaluate((b) => (b as HTMLElement).innerText.trim())).toBe('Support');
  await expect(support.locator('.dept-mark')).toHaveAttribute('data-mark', 'Su');

  await page.getByTestId('identity-button').click();
  const join = page.getByRole('dialog', { name: 'Your name and team' });
  await expect(join.getByRole('radio', { name: 'Marketing', exact: true })).toBeVisible();
  expect(
    await join
      .getByRole('radiogroup', { name: 'Department' })
      // biome-ignore lint/performance/useDomNodeTextContent: what is shown, so innerText (textContent has the hidden parts)
      .evaluate((g) => (g as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
  ).toBe('Marketing Sales Support Product Other');
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
});

test('a board opens at a readable zoom; Fit shows it whole; the editor stays readable when zoomed out', async ({
  browser,
  server,
}) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server, { fit: false });
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

test('a selected note’s “Comment” is in its toolbar, not over the next note', async ({ browser, server }) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const [stage, lane] = [await board.stage('Awareness'), await board.lane('Touchpoints')];
  const [first, next] = (await board.board()).notes.filter((n) => n.stageId === stage.id && n.laneId === lane.id);
  const r = await board.noteRect(first!.id);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  const comment = page.getByTestId('selection-toolbar').getByRole('button', { name: 'Comment', exact: true });
  const box = (await comment.boundingBox())!;
  const other = await board.noteRect(next!.id);
  const overlaps =
    box.x < other.x + other.width &&
    other.x < box.x + box.width &&
    box.y < other.y + other.height &&
    other.y < box.y + box.height;
  expect(overlaps).toBe(false);
  await comment.click();
  await expect(page.getByTestId('thread-popover')).toBeVisible();
});
