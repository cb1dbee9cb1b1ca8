import { seriousViolations } from './axe.ts';
import { ConnectorsObject } from './ConnectorsObject.ts';
import { expect, test } from './touchFixtures.ts';
import { TouchObject } from './TouchObject.ts';

test('touch: long-press a note’s handle and drag to another note to connect them; a tap on the handle offers the list', async ({
  facilitating,
}, testInfo) => {
  const { fay } = await facilitating('Arrows on the go');
  const arrows = new ConnectorsObject(fay);
  const touch = new TouchObject(fay.page);
  const { notes, stages } = await fay.board();
  // Two notes side by side in the first cell: both on a phone's screen as the board opens.
  const [from, to] = notes.filter((n) => n.stageId === stages[0]!.id && n.laneId === notes[0]!.laneId);
  if (!from || !to) throw new Error('the template has two notes in its first cell');

  await touch.tap(await arrows.noteCentre(from.id));
  await expect.poll(async () => await fay.page.evaluate(() => window.__journeyboard!.selection())).toEqual([from.id]);
  const handle = await arrows.handleCentre();
  const box = (await arrows.handle().boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(22);

  // A quick tap is not a drag: it opens "Connect to…".
  await touch.tap(handle);
  const dialog = fay.page.getByRole('dialog', { name: 'Connect to…' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).tap();
  await expect(dialog).toBeHidden();

  // Held, the handle starts a connector (drawn as a dashed arrow); moved onto a note, it connects.
  await touch.down(handle);
  await expect.poll(() => fay.page.evaluate(() => window.__journeyboard!.canvasShapeCount('connector-draft'))).toBe(1);
  const target = await arrows.noteCentre(to.id);
  await touch.move([handle], [target], 8);
  await touch.up();
  await expect.poll(() => arrows.list()).toMatchObject([{ from: from.id, to: to.id, kind: 'next-step' }]);

  // Its toolbar: finger-sized type buttons, and no serious accessibility problem.
  const toolbar = arrows.toolbar();
  await expect(toolbar).toBeVisible();
  for (const radio of await toolbar.getByRole('radio').all())
    expect((await radio.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await arrows.kind('Alternative').tap();
  await expect.poll(async () => (await arrows.list())[0]!.kind).toBe('alternative');
  expect(await seriousViolations(fay.page, '[data-testid="connector-toolbar"]')).toEqual([]);
  await fay.page.screenshot({ path: testInfo.outputPath(`connector-toolbar-${testInfo.project.name}.png`) });

  // A tap on the line selects it again after the toolbar is gone.
  await touch.tap({ x: 5, y: (await fay.page.viewportSize())!.height / 2 });
  await expect(toolbar).toBeHidden();
  const [drawn] = await arrows.list();
  await touch.tap(await arrows.pathPoint(drawn!.id));
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Delete' }).tap();
  await expect.poll(() => arrows.list()).toEqual([]);
});
