import { seriousViolations } from './axe.ts';
import type { BoardPageObject } from './BoardPageObject.ts';
import { annAndBobOnNewBoard, expect, test } from './fixtures.ts';

const board = (b: BoardPageObject) => b.page.evaluate(() => window.__journeyboard!.board());
const kpis = (b: BoardPageObject) => b.page.evaluate(() => window.__journeyboard!.kpis());

const upload = (b: BoardPageObject, name: string, lines: string[]) =>
  b.page
    .getByTestId('evidence-import-file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });

/** Desktop, tablet and phone widths: a screenshot of each, then back to desktop. */
async function atThreeWidths(b: BoardPageObject, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [820, 1180],
    [390, 844],
  ] as const) {
    await b.page.setViewportSize({ width, height });
    await b.page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
  }
  await b.page.setViewportSize({ width: 1440, height: 900 });
}

const SURVEY = [
  'text,score,date,channel',
  '"Could not find the delivery cost",2,2026-01-14,email',
  'Quick and friendly,5,2026-01-20,app',
  ',4,2026-02-01,app',
  'Loved the tracking,4,2026-02-03,email',
];

test('evidence: a survey export is previewed (every bad line named), imported as CSAT per month with its verbatims, and a verbatim becomes a note the viewer sees', async ({
  browser,
  server,
}) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Evidence', 'blank', 'viewer');
  await a.page.setViewportSize({ width: 1440, height: 900 });
  await a.page.getByTestId('kpis-toggle').click();

  // A formula and a score off the 1–5 scale: nothing can be imported.
  await upload(a, 'survey.csv', [...SURVEY, '=HYPERLINK("x"),5,2026-02-04,email', 'Great,9,2026-02-05,app']);
  await expect(a.page.getByTestId('kpi-import-errors').getByRole('listitem')).toHaveText([
    /^Line 6\s+The text "=HYPERLINK\("x"\)" starts like a spreadsheet formula/,
    /^Line 7\s+The score "9" is not a whole number from 1 to 5 \(CSAT\)/,
  ]);
  await expect(a.page.getByTestId('kpi-import-apply')).toBeDisabled();
  await a.page.getByRole('button', { name: 'Cancel' }).click();

  await upload(a, 'survey.csv', SURVEY);
  await expect(a.page.getByTestId('evidence-summary')).toHaveText(
    '4 responses · 2 CSAT measurements · 3 verbatims to keep',
  );
  // January: 5 of (2, 5) → 50 %; February: 4 and 4 → 100 %.
  await expect(a.page.getByTestId('kpi-import-rows').locator('tbody tr')).toHaveText([
    /2026-01\s*50\s*2\s*Adds/,
    /2026-02\s*100\s*2\s*Adds/,
  ]);
  expect(await seriousViolations(a.page, '.evidence-import')).toEqual([]);
  await atThreeWidths(a, 'evidence-import');
  await a.page.getByTestId('kpi-import-apply').click();
  await expect
    .poll(async () => (await kpis(b)).find((k) => k.metric === 'CSAT'))
    .toMatchObject({ value: 100, measuredAt: '2026-02', recent: [50, 100] });

  // What customers said, newest first; the first one becomes a note, and the viewer sees it.
  await a.page.getByTestId('verbatims-open').click();
  const said = a.page.getByTestId('verbatims').locator('blockquote');
  await expect(said).toHaveText(['Loved the tracking', 'Quick and friendly', 'Could not find the delivery cost']);
  expect(await seriousViolations(a.page, '.verbatims')).toEqual([]);
  await atThreeWidths(a, 'verbatims');
  await a.page.getByRole('button', { name: 'Make a note' }).last().click();
  await expect
    .poll(async () => (await board(b)).notes.map((n) => n.text))
    .toContain('Customer said: “Could not find the delivery cost” (survey.csv, line 2, 2026-01-14, email)');
  await a.page.keyboard.press('Escape');

  // The facilitator's keys: made, shown once, listed by prefix, revoked.
  await a.page.getByTestId('integration-keys-open').click();
  await a.page.getByRole('textbox', { name: 'Key name' }).fill('Nightly BI export');
  await a.page.getByRole('button', { name: 'Make a key' }).click();
  const secret = (await a.page.getByTestId('integration-key-secret').textContent()) ?? '';
  expect(secret).toMatch(/^jbk_/);
  await expect(a.page.getByTestId('integration-keys').locator('tbody tr')).toHaveCount(1);
  expect(await a.page.getByTestId('integration-keys').textContent()).not.toContain(secret);
  expect(await seriousViolations(a.page, '.integration-keys')).toEqual([]);
  await atThreeWidths(a, 'integration-keys');
  await a.page.getByRole('button', { name: 'Revoke Nightly BI export' }).click();
  await expect(a.page.getByTestId('integration-keys')).toHaveCount(0);
  // The viewer has no key management and no import.
  await b.page.getByTestId('kpis-toggle').click();
  await expect(b.page.getByTestId('integration-keys-open')).toHaveCount(0);
  await expect(b.page.getByTestId('evidence-import')).toHaveCount(0);
});
