import { expect, test } from './touchFixtures.ts';
import { PANELS, TouchBoardObject } from './TouchBoardObject.ts';

const KINDS = ['touchpoint', 'action', 'thought', 'emotion', 'pain', 'idea'];

test('every control of the top bar and the toolbar is on the screen or in a More menu, and works from there', async ({
  facilitating,
}) => {
  const { fay, page, size } = await facilitating('Workshop on the go');

  // Nothing of either bar runs off the screen, each is big enough for a finger, and the page does not scroll sideways.
  const controls = await fay.barControls().all();
  expect(controls.length).toBeGreaterThan(4);
  for (const control of controls) {
    await fay.expectOnScreen(control);
    const box = (await control.boundingBox())!;
    expect(
      Math.min(box.width, box.height),
      await control.evaluate((e) => e.outerHTML.slice(0, 80)),
    ).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

  for (const { bar, control, panel } of PANELS) {
    await (await fay.reach(bar, control)).tap();
    const shown = page.getByTestId(panel);
    await expect(shown).toBeVisible();
    await shown
      .getByRole('button', { name: /^Close/ })
      .first()
      .tap();
    await expect(shown).toBeHidden();
  }

  await (await fay.reach('topbar', 'share-button')).tap();
  await expect(page.getByRole('dialog', { name: 'Share this board' })).toBeVisible();
  await page.getByTestId('share-close').tap();
  await (await fay.reach('topbar', 'identity-button')).tap();
  await expect(page.getByRole('dialog', { name: 'Your name and team' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Facilitating from the device: the timer, the lock, bringing everyone.
  const workshop = () => page.evaluate(() => window.__journeyboard!.workshop());
  const facilitate = async () => {
    await (await fay.reach('topbar', 'facilitate-button')).tap();
    await expect(page.getByTestId('facilitate-panel')).toBeVisible();
  };
  await facilitate();
  await fay.expectOnScreen(page.getByTestId('timer-start'));
  await page.getByTestId('timer-preset-3').tap();
  await page.getByTestId('timer-start').tap();
  await expect(page.getByTestId('timer-chip')).toHaveAttribute('data-status', 'running');
  await page.getByTestId('lock-toggle').tap();
  await expect.poll(async () => (await workshop()).locked).toBe(true);
  await facilitate();
  await page.getByTestId('lock-toggle').tap();
  await expect.poll(async () => (await workshop()).locked).toBe(false);
  await facilitate();
  await page.getByTestId('bring-everyone').tap();
  await expect(page.getByText('Everyone now sees what you see.')).toBeVisible();

  // Zoom and Fit move the view.
  const scale = async () => (await workshop()).camera.scale;
  const before = await scale();
  await (await fay.reach('toolbar', 'zoom-in')).tap();
  await expect.poll(scale).toBeGreaterThan(before);
  // The device keeps the view: the board reopens where it was left.
  const zoomed = await scale();
  const kept = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('journeyboard.view.'))
        .map((k) => JSON.parse(localStorage.getItem(k)!).camera.scale),
    );
  await expect.poll(kept).toEqual([zoomed]);
  await page.reload();
  await fay.waitReady({ fit: false });
  await expect.poll(scale).toBe(zoomed);
  await (await fay.reach('toolbar', 'zoom-out')).tap();
  await expect.poll(scale).toBeCloseTo(before, 5);
  await (await fay.reach('toolbar', 'fit')).tap();
  await expect.poll(scale).toBeLessThan(before);

  // Each kind of note can be added; one is, then undone and redone.
  for (const kind of KINDS.slice(1)) {
    await fay.reach('toolbar', `add-${kind}`, 'add-menu');
    await page.keyboard.press('Escape');
  }
  const notes = async () => (await fay.board()).notes.length;
  const count = await notes();
  await (await fay.reach('toolbar', 'add-touchpoint', 'add-menu')).tap();
  const editor = page.getByTestId('note-editor');
  await expect(editor).toBeFocused();
  await editor.fill('Added on the go');
  await editor.press('Escape');
  await expect.poll(notes).toBe(count + 1);
  await (await fay.reach('toolbar', 'undo')).tap();
  await expect.poll(notes).toBe(count);
  await (await fay.reach('toolbar', 'redo')).tap();
  await expect.poll(notes).toBe(count + 1);
});

test('at 360 to 1024 px, portrait and landscape, both bars fit the screen and keep a way to every control', async ({
  facilitating,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the widths of every device, checked once');
  const { fay, page } = await facilitating('Every width');
  const sizes = [
    [360, 740],
    [390, 844],
    [412, 915],
    [768, 1024],
    [820, 1180],
    [1024, 1366],
  ] as const;
  for (const [w, h] of sizes)
    for (const [width, height] of [
      [w, h],
      [h, w],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
      // The bars lay themselves out again after the resize event (React renders on it): wait for that.
      await expect.poll(() => fay.barControlsOffScreen(), `${width}×${height}`).toEqual([]);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), `${width}×${height}`)
        .toBeLessThanOrEqual(width);
      // Whatever left the bars is in their menus: the panels and sharing are always one or two taps away.
      for (const id of ['share-button', 'comments-toggle', 'history-button'])
        await expect(page.locator(`.topbar [data-testid="${id}"]`).or(page.getByTestId('topbar-more'))).not.toHaveCount(
          0,
        );
      for (const id of ['priorities-toggle', 'kpis-toggle'])
        await expect(
          page.locator(`.toolbar [data-testid="${id}"]`).or(page.getByTestId('toolbar-more')),
        ).not.toHaveCount(0);
    }
});

test('on a Pixel 7 (412×915, touch) nothing makes the page wider than the screen: board, selection, list', async ({
  browser,
  server,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one more phone, checked once');
  const boardId = await server.createBoard('Pixel 7', 'ecommerce');
  const ann = await TouchBoardObject.device(browser, server, { name: 'Ann Lee', department: 'marketing' }, 'Pixel 7');
  await ann.openAs(boardId, 'facilitator');
  const page = ann.page;
  const fits = async (what: string) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      what,
    ).toBeLessThanOrEqual(0);
  expect(page.viewportSize()).toEqual({ width: 412, height: 839 });
  await fits('the board');
  const board = await ann.board();
  const note = board.notes.find((n) => n.stageId === board.stages[0]!.id)!;
  const rect = await ann.noteRect(note.id);
  await page.touchscreen.tap(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await fits('a note selected');
  await page.getByTestId('topbar-more').tap();
  await expect(page.getByRole('menu')).toBeVisible();
  await fits('the More menu');
  await page.keyboard.press('Escape');
  await ann.openList();
  await fits('the list');
});
