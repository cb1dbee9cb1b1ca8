import { expect, test, annOnNewBoard } from './fixtures.ts';

test('stages and lanes: rename inline, add, reorder, and remove a stage whose notes move elsewhere', async ({
  browser,
  server,
}) => {
  const { a } = await annOnNewBoard(browser, server, 'Structure');
  const note = await a.addNote('Retention', 'Pain points', 'Renewal e-mail lands in spam');

  // Double-click a stage header to rename it.
  const retention = await a.stage('Retention');
  const header = await a.page
    .waitForFunction((id) => window.__journeyboard!.stageHeaderRect(id), retention.id)
    .then((h) => h.jsonValue());
  await a.page.mouse.dblclick(header!.x + 80, header!.y + 20);
  const name = a.page.getByTestId('header-name');
  await expect(name).toBeFocused();
  await name.fill('Renewal');
  await name.press('Enter');
  await expect
    .poll(async () => (await a.board()).stages.map((s) => s.name))
    .toEqual(['Awareness', 'Consideration', 'Decision', 'Renewal', 'Advocacy']);

  // Add a stage after it, then move it one place left.
  await a.page.getByRole('button', { name: '+ Stage after' }).click();
  await expect(a.page.getByTestId('header-name')).toBeFocused();
  await a.page.getByTestId('header-name').fill('Support');
  await a.page.getByTestId('header-name').press('Enter');
  await a.page.getByRole('button', { name: 'Move stage left' }).click();
  await expect
    .poll(async () => (await a.board()).stages.map((s) => s.name))
    .toEqual(['Awareness', 'Consideration', 'Decision', 'Support', 'Renewal', 'Advocacy']);

  // Removing "Renewal" asks what to do with its note; moving keeps the note.
  const renewalHeader = await a.page.evaluate((id) => window.__journeyboard!.stageHeaderRect(id), retention.id);
  await a.page.mouse.click(renewalHeader!.x + 80, renewalHeader!.y + 20);
  await a.page.getByRole('button', { name: 'Remove stage…' }).click();
  await expect(a.page.getByRole('dialog')).toContainText('It holds 1 note');
  await a.page.getByLabel('Target stage').selectOption({ label: 'Advocacy' });
  await a.page.getByTestId('confirm-remove').click();
  const advocacy = await a.stage('Advocacy');
  await expect.poll(async () => (await a.noteById(note))?.stageId).toBe(advocacy.id);
  expect((await a.board()).stages.map((s) => s.name)).not.toContain('Renewal');
  await expect(a.page.getByTestId('header-panel')).toBeHidden();
});

test('multi-select with shift-drag, change kind together, copy-paste, delete, and undo', async ({
  browser,
  server,
}) => {
  const { a } = await annOnNewBoard(browser, server, 'Selection', 'ecommerce');
  const board = await a.board();
  const touchpoints = board.notes.filter((n) => n.kind === 'touchpoint' && n.stageId === board.stages[0]!.id);
  expect(touchpoints).toHaveLength(2);
  const r1 = await a.noteRect(touchpoints[0]!.id);
  const r2 = await a.noteRect(touchpoints[1]!.id);

  // Shift-drag a marquee around both notes.
  await a.page.keyboard.down('Shift');
  await a.page.mouse.move(r1.x - 6, r1.y - 6);
  await a.page.mouse.down();
  await a.page.mouse.move(r2.x + r2.width + 4, r2.y + r2.height + 4, { steps: 8 });
  await a.page.mouse.up();
  await a.page.keyboard.up('Shift');
  await expect
    .poll(() => a.page.evaluate(() => window.__journeyboard!.selection().sort()))
    .toEqual(touchpoints.map((n) => n.id).sort());
  await expect(a.page.getByTestId('selection-toolbar')).toContainText('2 notes');

  await a.page.getByLabel('Kind', { exact: true }).selectOption('idea');
  await expect
    .poll(async () => (await a.board()).notes.filter((n) => touchpoints.some((t) => t.id === n.id)).map((n) => n.kind))
    .toEqual(['idea', 'idea']);

  // Copy and paste makes two new notes with the same text.
  const count = (await a.board()).notes.length;
  await a.page.keyboard.press('Control+c');
  await a.page.keyboard.press('Control+v');
  await expect.poll(async () => (await a.board()).notes.length).toBe(count + 2);
  const pasted = await a.page.evaluate(() => window.__journeyboard!.selection());
  expect(pasted).toHaveLength(2);
  expect(pasted.some((id) => touchpoints.some((t) => t.id === id))).toBe(false);

  // Delete the pasted copies, then undo brings them back.
  await a.page.keyboard.press('Delete');
  await expect.poll(async () => (await a.board()).notes.length).toBe(count);
  await a.page.keyboard.press('Control+z');
  await expect.poll(async () => (await a.board()).notes.length).toBe(count + 2);
});
