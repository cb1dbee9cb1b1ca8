import { expect, test, boardPageAs, BOB, annAndBobOnNewBoard, annOnNewBoard } from './fixtures.ts';
import type { BoardPageObject } from './BoardPageObject.ts';

const kpis = (b: BoardPageObject) => b.page.evaluate(() => window.__journeyboard!.kpis());

test('stage KPIs: edit one on its card, a colleague sees it live, and the outline reads it out', async ({
  browser,
  server,
}) => {
  const { boardId, a, b } = await annAndBobOnNewBoard(browser, server, 'KPIs', 'ecommerce', 'editor');

  const ces = (await kpis(a)).find((k) => k.metric === 'CES')!;
  expect(ces).toMatchObject({ value: 4.1, target: 3, direction: 'lower', status: 'missed' });
  // The card is on the canvas under its stable name.
  expect(await a.page.evaluate((name) => window.__journeyboard!.canvasShapeCount(name), ces.shapeName)).toBe(1);

  await a.page.mouse.click(ces.rect!.x + ces.rect!.width / 2, ces.rect!.y + 12);
  const popover = a.page.getByTestId('kpi-popover');
  await expect(popover).toBeVisible();
  await popover.getByTestId('kpi-value').fill('2,8'); // a decimal comma is fine
  await popover.getByTestId('kpi-save').click();
  await expect(popover).toBeHidden();

  // Lower is better: 2.8 against a target of 3 meets it; the colleague's board shows it.
  await expect
    .poll(async () => (await kpis(b)).find((k) => k.id === ces.id))
    .toMatchObject({ value: 2.8, status: 'met' });
  await b.page.getByTestId('outline-toggle').click();
  const outlineKpi = b.page.getByTestId('outline').getByTestId('outline-kpi').filter({ hasText: 'CES' });
  await expect(outlineKpi).toContainText('2.8/7');
  await expect(outlineKpi).toContainText('On target');
  await expect(outlineKpi).toContainText('lower is better');

  // A wrong value is refused in the form, with a message, and nothing changes.
  await a.page.mouse.click(ces.rect!.x + ces.rect!.width / 2, ces.rect!.y + 12);
  await popover.getByTestId('kpi-target').fill('soon');
  await popover.getByTestId('kpi-save').click();
  await expect(popover.getByRole('alert')).toHaveText('The target "soon" is not a number.');
  await popover.getByRole('button', { name: 'Cancel' }).click();
  expect((await kpis(a)).find((k) => k.id === ces.id)!.target).toBe(3);

  // A viewer can read a KPI's card but gets no form.
  const v = await boardPageAs(browser, server, { name: 'Vic Moss', department: 'product' });
  await v.open(boardId, 'viewer');
  const seen = (await kpis(v)).find((k) => k.id === ces.id)!;
  await v.page.mouse.click(seen.rect!.x + seen.rect!.width / 2, seen.rect!.y + 12);
  await expect(v.page.getByTestId('kpi-popover')).toContainText('CES: 2.8/7, target 3/7, on target');
  await expect(v.page.getByTestId('kpi-form')).toHaveCount(0);
});

test('stage KPIs: a CSV import shows every bad row before applying the good ones as one undo step', async ({
  browser,
  server,
}) => {
  const { a } = await annOnNewBoard(browser, server, 'KPI import', 'blank');
  expect(await kpis(a)).toEqual([]);

  await a.page.getByTestId('kpis-toggle').click();
  const csv = [
    'Stage,Metric,Value,Target',
    'awareness,CSAT,4.2,4.5',
    'Checkout,NPS,10,20',
    'Decision,Conversion,abc,3',
    'Retention,,5,4',
    'Retention,Churn,18%,20',
    '',
  ].join('\n');
  await a.page
    .getByTestId('kpi-import-file')
    .setInputFiles({ name: 'q3.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(a.page.getByTestId('kpi-import-summary')).toContainText('2 rows ready to import · 3 with errors');
  const errors = a.page.getByTestId('kpi-import-errors').getByRole('listitem');
  await expect(errors).toHaveText([
    /^Line 3\s+There is no stage named "Checkout"/,
    /^Line 4\s+The value "abc" is not a number/,
    /^Line 5\s+The metric is missing/,
  ]);
  // Nothing is written before the person confirms.
  expect(await kpis(a)).toEqual([]);
  await a.page.getByTestId('kpi-import-apply').click();
  await expect
    .poll(async () => (await kpis(a)).map((k) => [k.metric, k.value, k.target, k.status]))
    .toEqual([
      ['CSAT', 4.2, 4.5, 'near'],
      ['Churn', 18, 20, 'met'],
    ]);
  await expect(a.page.getByTestId('kpi-table')).toContainText('Near target');

  // One undo step removes the whole import.
  await a.page.getByTestId('undo').click();
  await expect.poll(() => kpis(a)).toEqual([]);
});

test('save a board as a template and start a new board from it on the home page', async ({ browser, server }) => {
  const { boardId, a } = await annOnNewBoard(browser, server, 'Checkout workshop', 'ecommerce');
  const source = await a.board();
  const sourceKpis = (await kpis(a)).map((k) => k.metric);
  await a.page.getByTestId('facilitate-button').click();
  await a.page.getByTestId('save-template-button').click();
  await a.page.getByTestId('template-name').fill('Checkout kit');
  await a.page.getByTestId('template-save').click();
  await expect(a.page.getByTestId('template-saved')).toContainText('Checkout kit');

  // An editor has no such button: saving is the facilitator's.
  const b = await boardPageAs(browser, server, BOB);
  await b.open(boardId, 'editor');
  await expect(b.page.getByTestId('share-button')).toBeVisible();
  await expect(b.page.getByTestId('save-template-button')).toHaveCount(0);

  await a.page.goto('/');
  const saved = a.page.locator('[data-testid^="template-saved-"]');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Checkout kit');
  await saved.click();
  await a.page.getByTestId('new-board-title').fill('Checkout, round two');
  await a.page.getByTestId('create-board').click();
  await a.waitReady();
  const copy = await a.board();
  expect(copy.title).toBe('Checkout, round two');
  expect(copy.stages.map((s) => s.name)).toEqual(source.stages.map((s) => s.name));
  expect(copy.lanes.map((l) => l.name)).toEqual(source.lanes.map((l) => l.name));
  expect(copy.notes.map((n) => n.text).sort()).toEqual(source.notes.map((n) => n.text).sort());
  const copyKpis = await kpis(a);
  expect(copyKpis.map((k) => k.metric)).toEqual(sourceKpis);
  expect(copyKpis.every((k) => k.value === null)).toBe(true); // definitions only

  // Bob's device keeps only an editor link to the board it came from: the server does not tell
  // him which board that is, so he is not offered Remove (a DELETE from him is refused: templateRoutes.test.ts).
  await b.page.goto('/');
  const bobsView = b.page.locator('[data-testid^="template-saved-"]');
  await expect(bobsView).toHaveCount(1);
  await expect(bobsView.getByTestId('remove-template')).toHaveCount(0);

  // Ann, that board's facilitator, removes it for everyone.
  await a.page.goto('/');
  const annsView = a.page.locator('[data-testid^="template-saved-"]');
  await expect(annsView.getByTestId('remove-template')).toBeVisible();
  await a.page.screenshot({ path: test.info().outputPath('home-saved-template.png'), fullPage: true });
  await annsView.getByTestId('remove-template').click();
  await expect(annsView.getByTestId('remove-template-confirm')).toBeVisible();
  await annsView.screenshot({ path: test.info().outputPath('saved-template-remove.png') });
  await annsView.getByTestId('remove-template-confirm').click();
  await expect(annsView).toHaveCount(0);
  await b.page.reload();
  await expect(b.page.getByTestId('template-blank')).toBeVisible();
  await expect(bobsView).toHaveCount(0);
});
