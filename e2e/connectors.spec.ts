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
  const connect = outline.getByRole('button', { name: `Connect “${from.text}” to…` });
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
