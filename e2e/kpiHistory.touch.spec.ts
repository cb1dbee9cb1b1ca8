import { seriousViolations } from './axe.ts';
import { expect, REVIEW_TABLET, test } from './touchFixtures.ts';

test('KPI history on a tablet and a phone: the dated import and the measurements pass axe and fit the screen', async ({
  facilitating,
}) => {
  const { fay, page, size, device } = await facilitating('KPI history on touch', { tablet: REVIEW_TABLET });
  const stage = (await page.evaluate(() => window.__journeyboard!.board())).stages[3]!;

  await (await fay.reach('toolbar', 'kpis-toggle')).tap();
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const csv = [
    'stage,metric,date,value,sample_size,source',
    ...months.map((m, i) => `${stage.name},CSAT,${m},${4.2 + (i % 3) / 10},200,survey`),
  ];
  await page
    .getByTestId('kpi-import-file')
    .setInputFiles({ name: 'csat.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
  const apply = page.getByTestId('kpi-import-apply');
  await expect(page.getByTestId('kpi-import-summary')).toContainText('6 new, 0 replacing');
  await fay.expectOnScreen(apply);
  expect(await seriousViolations(page, '.kpi-import'), 'the import preview').toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`kpi-import-${device}.png`) });
  await apply.tap();
  await expect
    .poll(async () => (await page.evaluate(() => window.__journeyboard!.kpis())).find((k) => k.metric === 'CSAT'))
    .toMatchObject({ measuredAt: '2026-06', value: 4.4, recent: [4.2, 4.3, 4.4, 4.2, 4.3, 4.4] });

  // From the KPI table to the card, then its measurements: a sheet from the bottom on a phone.
  await page.getByTestId('kpi-table').getByRole('button', { name: 'CSAT' }).tap();
  await page.getByTestId('kpi-history-open').tap();
  const sheet = page.locator('.dialog.kpi-history');
  await expect(sheet.getByTestId('kpi-history-table').locator('tbody tr')).toHaveCount(6);
  const box = (await sheet.boundingBox())!;
  if (device === 'phone') {
    expect(box.width).toBe(size.width);
    expect(Math.round(box.y + box.height)).toBe(size.height);
  } else {
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
  }
  expect(await seriousViolations(page, '.kpi-history'), 'the measurements').toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`kpi-history-${device}.png`) });
  await sheet.getByRole('button', { name: 'Close' }).tap();
  await expect(sheet).toBeHidden();
});
