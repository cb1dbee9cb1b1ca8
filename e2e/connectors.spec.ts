import { seriousViolations } from './axe.ts';
import { ConnectorsObject } from './ConnectorsObject.ts';
import { annAndBobOnNewBoard, expect, test } from './fixtures.ts';

test('draw a connector with the mouse; retype, label and delete it in its toolbar; it follows its note; a colleague sees it live', async ({
  browser,
  server,
}, testInfo) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Arrows', 'ecommerce', 'editor');
  const ann = new ConnectorsObject(a);
  const bob = new ConnectorsObject(b);
  const { notes, stages } = await a.board();
  // Two notes of one lane in the first two stages: the arrow runs along that lane.
  const to = notes.find(
    (n) => n.stageId === stages[1]!.id && notes.some((m) => m.stageId === stages[0]!.id && m.laneId === n.laneId),
  )!;
  const from = notes.find((n) => n.stageId === stages[0]!.id && n.laneId === to.laneId)!;

  await ann.drawByMouse(from.id, to.id);
  await expect.poll(() => ann.list()).toMatchObject([{ from: from.id, to: to.id, kind: 'next-step', orphan: false }]);
  await expect.poll(() => bob.list()).toMatchObject([{ from: from.id, to: to.id }]);
  const [drawn] = await ann.list();
  expect(await a.page.evaluate(() => window.__journeyboard!.canvasShapeCount('connector'))).toBe(1);

  // A new connector is selected: its toolbar retypes, labels and gives a share.
  await expect(ann.toolbar()).toBeVisible();
  await ann.kind('Drop-out').click();
  await expect(ann.kind('Drop-out')).toHaveAttribute('aria-checked', 'true');
  await ann.toolbar().getByRole('textbox', { name: 'Label' }).fill('Too expensive');
  await ann.toolbar().getByRole('textbox', { name: 'Label' }).press('Enter');
  await ann
    .toolbar()
    .getByRole('spinbutton', { name: /Share of customers/ })
    .fill('30');
  await ann
    .toolbar()
    .getByRole('spinbutton', { name: /Share of customers/ })
    .press('Enter');
  await expect
    .poll(() => bob.list())
    .toMatchObject([{ id: drawn!.id, kind: 'drop-out', label: 'Too expensive', share: 30 }]);
  await expect(ann.toolbar()).toContainText('Drop-out, 30 %: Too expensive');
  expect(await seriousViolations(a.page, '[data-testid="connector-toolbar"]')).toEqual([]);
  await a.page.screenshot({ path: testInfo.outputPath('connector-toolbar-desktop.png') });

  // Its note moves to another stage: the arrow ends on the note's new place.
  await a.dragNote(to.id, stages[3]!.name, (await a.board()).lanes.find((l) => l.id === to.laneId)!.name);
  await expect.poll(async () => (await a.noteById(to.id))?.stageId).toBe(stages[3]!.id);
  await expect
    .poll(async () => {
      const [c] = await ann.list();
      const r = await a.noteRect(to.id);
      return Math.abs(c!.points.at(-1)!.x - (r.x + r.width / 2)) < 1;
    })
    .toBe(true);

  // Click the line to select it again, then delete it from the toolbar.
  await a.page.mouse.click(10, 300); // nothing selected
  await expect(ann.toolbar()).toBeHidden();
  const on = await ann.pathPoint(drawn!.id);
  await a.page.mouse.click(on.x, on.y);
  await expect(ann.toolbar()).toBeVisible();
  await ann.toolbar().getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => bob.list()).toEqual([]);
});

test('connect two notes with the keyboard in the outline: "Connect to…", then the list says so', async ({
  browser,
  server,
}, testInfo) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Arrows by keyboard', 'ecommerce', 'editor');
  const bob = new ConnectorsObject(b);
  const { notes, stages } = await a.board();
  const from = notes.find((n) => n.stageId === stages[2]!.id)!;
  const to = notes.find((n) => n.stageId === stages[1]!.id)!;

  await a.page.getByTestId('outline-toggle').click();
  const outline = a.page.getByTestId('outline');
  const connect = outline.getByRole('button', { name: `Connect to… from “${from.text}”` });
  await connect.focus();
  await a.page.keyboard.press('Enter');
  const dialog = a.page.getByRole('dialog', { name: 'Connect to…' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'To note' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'To note' }).selectOption(to.id);
  await a.page.keyboard.press('Tab');
  await expect(dialog.getByRole('combobox', { name: 'Type' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Type' }).selectOption('loop-back');
  await a.page.keyboard.press('Tab');
  await a.page.keyboard.type('Compares again');
  expect(await seriousViolations(a.page, '[role="dialog"]')).toEqual([]);
  await a.page.screenshot({ path: testInfo.outputPath('connect-dialog-desktop.png') });
  await a.page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(connect).toBeFocused();

  await expect
    .poll(() => bob.list())
    .toMatchObject([{ from: from.id, to: to.id, kind: 'loop-back', label: 'Compares again' }]);
  const listed = outline.getByRole('list', { name: 'Connectors from this note' });
  await expect(listed).toContainText('Loop back: Compares again to');
  await listed.getByRole('button', { name: /^Delete the connector/ }).click();
  await expect.poll(() => bob.list()).toEqual([]);
});

test('an orphan: Ann draws a connector offline while Bob deletes its end; it is drawn as a stub and reconnected from the outline by keyboard', async ({
  browser,
  server,
}, testInfo) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Orphan arrows', 'ecommerce', 'editor');
  const ann = new ConnectorsObject(a);
  const bob = new ConnectorsObject(b);
  const { notes, stages } = await a.board();
  const from = notes.find((n) => n.stageId === stages[0]!.id)!;
  const lost = notes.find((n) => n.stageId === stages[1]!.id)!;
  const next = notes.find((n) => n.stageId === stages[2]!.id)!;

  await a.page.context().setOffline(true);
  await expect(a.page.getByTestId('connection-status')).toHaveText('Offline');
  await ann.drawByMouse(from.id, lost.id);
  await expect.poll(() => ann.list()).toMatchObject([{ from: from.id, to: lost.id, orphan: false }]);
  await a.page.keyboard.press('Escape');
  // Meanwhile Bob deletes the note it points at.
  const r = await b.noteRect(lost.id);
  await b.page.mouse.click(r.x + 20, r.y + 20);
  await b.page.keyboard.press('Delete');
  await expect.poll(async () => (await b.noteById(lost.id)) === undefined).toBe(true);
  await a.page.context().setOffline(false);

  // Both keep it, as an orphan drawn dashed out of the note that is left.
  for (const who of [ann, bob])
    await expect.poll(() => who.list()).toMatchObject([{ from: from.id, to: lost.id, orphan: true }]);
  await expect.poll(() => a.page.evaluate(() => window.__journeyboard!.canvasShapeCount('connector-orphan'))).toBe(1);
  const [orphan] = await ann.list();
  const start = await a.noteRect(from.id);
  expect(orphan!.points[0]!.x).toBeCloseTo(start.x + start.width, 0);
  expect(orphan!.points[0]!.y).toBeCloseTo(start.y + start.height / 2, 0);
  // Its loose end lies on no note.
  const end = orphan!.points.at(-1)!;
  for (const n of (await a.board()).notes) {
    const r = await a.noteRect(n.id);
    expect(end.x > r.x && end.x < r.x + r.width && end.y > r.y && end.y < r.y + r.height, n.text).toBe(false);
  }

  // A click on the stub's loose end selects it: its toolbar offers Reconnect to… and Delete.
  await a.page.mouse.click(10, 300); // nothing selected
  await a.page.mouse.click(end.x - 2, end.y);
  await expect(ann.toolbar().getByRole('button', { name: 'Reconnect to…' })).toBeVisible();
  await expect(ann.toolbar().getByRole('button', { name: 'Delete' })).toBeVisible();
  await a.page.screenshot({ path: testInfo.outputPath('orphan-toolbar.png') });
  await a.page.mouse.click(10, 300);

  // In the outline, by keyboard: Reconnect to…, choose the note, Enter.
  await a.page.getByTestId('outline-toggle').click();
  const outline = a.page.getByTestId('outline');
  await expect(outline.getByRole('heading', { name: 'Connectors to a deleted note' })).toBeVisible();
  const reconnect = outline.getByRole('button', { name: /^Reconnect to… the connector/ });
  await reconnect.focus();
  await a.page.keyboard.press('Enter');
  const dialog = a.page.getByRole('dialog', { name: 'Reconnect to…' });
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(a.page, '[role="dialog"]')).toEqual([]);
  await dialog.getByLabel('To note').selectOption(next.id);
  await dialog.getByRole('button', { name: 'Reconnect' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => bob.list()).toMatchObject([{ id: orphan!.id, from: from.id, to: next.id, orphan: false }]);
  await expect(outline.getByRole('heading', { name: 'Connectors to a deleted note' })).toBeHidden();
});
