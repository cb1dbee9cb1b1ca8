import { seriousViolations } from './axe.ts';
import type { BoardPageObject } from './BoardPageObject.ts';
import { annAndBobOnNewBoard, expect, test } from './fixtures.ts';
import { linkFor } from './server.ts';

const kpis = (b: BoardPageObject) => b.page.evaluate(() => window.__journeyboard!.kpis());
const csat = async (b: BoardPageObject) => (await kpis(b)).find((k) => k.metric === 'CSAT');

const upload = async (b: BoardPageObject, name: string, lines: string[]) =>
  b.page
    .getByTestId('kpi-import-file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });

test('KPI history: a dated CSV is previewed, refused while a row is wrong, imported through the server; a viewer sees the sparkline and the measurements live', async ({
  browser,
  server,
}) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'KPI history', 'blank', 'viewer');
  await a.page.setViewportSize({ width: 1440, height: 900 });
  await a.page.getByTestId('kpis-toggle').click();

  // One bad row (a formula in the source) blocks the whole file: nothing half-imported.
  await upload(a, 'csat.csv', [
    'stage,metric,date,value,target,source',
    'Awareness,CSAT,2026-01,3.9,4.5,survey',
    'Awareness,CSAT,2026-02,4.0,,=HYPERLINK("x")',
  ]);
  await expect(a.page.getByTestId('kpi-import-errors').getByRole('listitem')).toHaveText([
    /^Line 3\s+The source "=HYPERLINK\("x"\)" starts like a spreadsheet formula/,
  ]);
  await expect(a.page.getByTestId('kpi-import-apply')).toBeDisabled();
  await a.page.getByRole('button', { name: 'Cancel' }).click();

  // A good file: the server's preview says each row adds a date; then it is imported.
  await upload(a, 'csat.csv', [
    'stage,metric,date,value,target,sample_size,source',
    'Awareness,CSAT,2026-01,3.9,4.5,120,survey',
    'Awareness,CSAT,2026-02,4.0,,131,survey',
    'Awareness,CSAT,2026-03,4.2,,118,survey',
  ]);
  const rows = a.page.getByTestId('kpi-import-rows').locator('tbody tr');
  await expect(rows.locator('td:last-child')).toHaveText(['Adds', 'Adds', 'Adds']);
  await expect(a.page.getByTestId('kpi-import-summary')).toContainText('3 new, 0 replacing');
  expect(await csat(a)).toBeUndefined(); // the preview wrote nothing
  await a.page.screenshot({ path: test.info().outputPath('kpi-import-preview-1440.png') });
  await a.page.getByTestId('kpi-import-apply').click();

  // Both boards show the latest value, the one before, and the sparkline of the series.
  for (const page of [a, b])
    await expect
      .poll(() => csat(page))
      .toMatchObject({ value: 4.2, target: 4.5, measuredAt: '2026-03', recent: [3.9, 4, 4.2] });
  expect(await b.page.evaluate(() => window.__journeyboard!.canvasShapeCount('kpi-sparkline'))).toBe(1);

  // The viewer opens the KPI's measurements from its card.
  const card = (await csat(b))!;
  await b.page.mouse.click(card.rect!.x + card.rect!.width / 2, card.rect!.y + card.rect!.height - 12);
  await b.page.getByTestId('kpi-history-open').click();
  const table = b.page.getByTestId('kpi-history-table').locator('tbody tr');
  await expect(table.locator('td:first-child')).toHaveText(['2026-03', '2026-02', '2026-01']);
  await expect(table.last().locator('td')).toHaveText(['2026-01', '3.9/5', '120', 'survey']);
  await expect(b.page.getByTestId('kpi-history-chart')).toHaveAttribute(
    'aria-label',
    '3 measurements from 3.9/5 on 2026-01 to 4.2/5 on 2026-03; target 4.5/5',
  );
  expect(await seriousViolations(b.page, '.kpi-history')).toEqual([]);

  // Ann imports March again with a correction: the preview says it replaces, the viewer's open
  // list follows without a reload, and there is still one March.
  await upload(a, 'march.csv', ['stage,metric,date,value', 'Awareness,CSAT,2026-03,4.4']);
  await expect(rows.locator('td:last-child')).toHaveText(['Replaces 4.2']);
  await a.page.getByTestId('kpi-import-apply').click();
  await expect(table.locator('td:nth-child(2)')).toHaveText(['4.4/5', '4/5', '3.9/5']);
  await expect.poll(() => csat(a)).toMatchObject({ value: 4.4, recent: [3.9, 4, 4.4] });
  await b.page.screenshot({ path: test.info().outputPath('kpi-history-1440.png') });
});

test('KPI history: a viewer cannot write measurements, even past the UI', async ({ browser, server }) => {
  const { boardId, b } = await annAndBobOnNewBoard(browser, server, 'KPI roles', 'blank', 'viewer');
  const stageId = (await b.page.evaluate(() => window.__journeyboard!.board())).stages[0]!.id;
  const token = linkFor(boardId, 'viewer').match(/token=([^&]+)/)![1]!;
  const status = await b.page.evaluate(
    async ({ boardId, token, stageId }) =>
      (
        await fetch(`/api/boards/${boardId}/measurements`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            kpis: [
              {
                stageId,
                metric: 'CSAT',
                measurements: [{ period: '2026-01', value: 4, sampleSize: null, source: null }],
              },
            ],
          }),
        })
      ).status,
    { boardId, token, stageId },
  );
  expect(status).toBe(403);
  expect(await kpis(b)).toEqual([]);
});
