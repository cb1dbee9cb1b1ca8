import { seriousViolations } from './axe.ts';
import { expect, REVIEW_TABLET, test } from './touchFixtures.ts';
import { day, importMeasurements } from './kpiMeasurements.ts';

test('Journey health and the KPI chart on a tablet and a phone: they fit the screen and pass axe', async ({
  facilitating,
}) => {
  const { fay, page, size, device } = await facilitating('KPI views on touch', { tablet: REVIEW_TABLET });
  const board = await page.evaluate(() => window.__journeyboard!.board());
  const pain = board.notes.find((n) => n.text === 'Shipping cost only shown at the last step')!;
  const boardId = new URL(page.url()).pathname.split('/').pop()!;
  await importMeasurements(page, boardId, pain.stageId, {
    [day(-5)]: 3.9,
    [day(-4)]: 3.8,
    [day(-3)]: 3.7,
    [day(-2)]: 3.6,
    [day(-1)]: 3.4,
  });

  await (await fay.reach('toolbar', 'kpis-toggle')).tap();
  await page.getByTestId('kpi-view-health').tap();
  await expect(page.getByTestId('health-sliding').getByRole('listitem')).toHaveCount(2);
  await fay.expectOnScreen(page.getByTestId('start-review'));
  expect(await seriousViolations(page, '[data-testid="kpi-panel"]'), 'journey health').toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`journey-health-${device}.png`) });

  // The CSAT chart, from the KPI table through its card.
  await page.getByRole('radio', { name: 'KPIs' }).tap();
  await page.getByTestId('kpi-table').getByRole('button', { name: 'CSAT' }).first().tap();
  await page.getByTestId('kpi-history-open').tap();
  const dialog = page.locator('.dialog.kpi-history');
  await expect(dialog.getByTestId('kpi-history-chart').locator('canvas')).toHaveCount(1);
  const chart = (await dialog.getByTestId('kpi-history-chart').boundingBox())!;
  expect(chart.x).toBeGreaterThanOrEqual(0);
  expect(chart.x + chart.width).toBeLessThanOrEqual(size.width);
  expect(await seriousViolations(page, '.kpi-history'), 'the KPI chart').toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`kpi-chart-${device}.png`) });
});

test('integration keys on a tablet and a phone: each key fits the dialog, nothing scrolls sideways', async ({
  facilitating,
}) => {
  const { fay, page, size, device } = await facilitating('Keys on touch', { tablet: REVIEW_TABLET });
  await (await fay.reach('toolbar', 'kpis-toggle')).tap();
  await page.getByTestId('integration-keys-open').tap();
  for (const name of ['Nightly BI export from the data warehouse', 'Survey tool']) {
    await page.getByRole('textbox', { name: 'Key name' }).fill(name);
    await page.getByRole('button', { name: 'Make a key' }).tap();
    await expect(page.getByTestId('integration-key-secret')).toHaveText(/^jbk_/);
  }
  const table = page.getByTestId('integration-keys');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  // No sideways scrolling: the table is no wider than its box, the box no wider than the screen.
  const fit = await table.evaluate((t) => {
    const wrap = t.parentElement!;
    return { table: t.scrollWidth, wrap: wrap.clientWidth, right: wrap.getBoundingClientRect().right };
  });
  expect(fit.table).toBeLessThanOrEqual(fit.wrap);
  expect(fit.right).toBeLessThanOrEqual(size.width);
  const revoke = page.getByRole('button', { name: 'Revoke Survey tool' });
  await fay.expectOnScreen(revoke);
  expect(await seriousViolations(page, '.integration-keys'), 'integration keys').toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`integration-keys-${device}.png`) });
  await revoke.tap();
  await expect(table.locator('tbody tr')).toHaveCount(1);
});
