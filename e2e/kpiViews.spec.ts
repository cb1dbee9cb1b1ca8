import Papa from 'papaparse';
import { seriousViolations } from './axe.ts';
import type { BoardPageObject } from './BoardPageObject.ts';
import { annAndBobOnNewBoard, expect, test } from './fixtures.ts';
import { day, importMeasurements } from './kpiMeasurements.ts';
import { linkFor } from './server.ts';
import { VotingObject } from './VotingObject.ts';

const csatCard = async (b: BoardPageObject, stageId: string) =>
  (await b.page.evaluate(() => window.__journeyboard!.kpis())).find(
    (k) => k.metric === 'CSAT' && k.stageId === stageId,
  );

test('KPI chart with action markers, Did it work? on the action, in the priority list and the CSV, and live measurements for a second browser', async ({
  browser,
  server,
}) => {
  const { boardId, a, b } = await annAndBobOnNewBoard(browser, server, 'Did it work', 'ecommerce', 'viewer');
  for (const p of [a, b]) await p.page.setViewportSize({ width: 1440, height: 900 });
  const pain = (await a.board()).notes.find((n) => n.text === 'Shipping cost only shown at the last step')!;

  // Six days of CSAT before the action, sliding below its target of 4.2.
  await importMeasurements(a.page, boardId, pain.stageId, {
    [day(-6)]: 3.6,
    [day(-5)]: 3.7,
    [day(-4)]: 3.6,
    [day(-3)]: 3.5,
    [day(-2)]: 3.4,
    [day(-1)]: 3.3,
  });

  // Ann makes the pain point an action, starts it and marks it done.
  const toolbar = await a.makeAction(pain.id);
  await toolbar.getByLabel('Status').selectOption('in-progress');
  await toolbar.getByLabel('Status').selectOption('done');
  const onAction = toolbar.getByTestId('note-outcome').getByTestId('outcome-line').filter({ hasText: 'CSAT' });
  await expect(onAction).toHaveText(
    '?CSAT: too little data to say (3 points before, 0 points after; needs 2 on each side)',
  );

  // Bob, a viewer, opens the CSAT chart: the series, the target and the three steps of the action.
  await expect.poll(() => csatCard(b, pain.stageId)).toMatchObject({ value: 3.3 });
  const card = (await csatCard(b, pain.stageId))!;
  await b.page.mouse.click(card.rect!.x + card.rect!.width / 2, card.rect!.y + card.rect!.height - 12);
  await b.page.getByTestId('kpi-history-open').click();
  const chart = b.page.getByTestId('kpi-history-chart');
  await expect(chart).toHaveAttribute(
    'aria-label',
    /^6 measurements from 3\.6\/5 on .+; target 4\.2\/5; 3 action steps marked/,
  );
  await expect(chart.locator('canvas')).toHaveCount(1);
  const steps = b.page.getByTestId('kpi-steps-table').locator('tbody tr');
  await expect(steps.locator('td:nth-child(2)')).toHaveText([/Action created/, /Moved to in progress/, /Done/]);
  await expect(steps.locator('td:nth-child(3)').first()).toHaveText(pain.text);
  expect(await seriousViolations(b.page, '.kpi-history')).toEqual([]);

  // Measurements arrive after the action: Bob's open chart and Ann's action follow without a reload.
  // Before: the last 3 days (3.5, 3.4, 3.3: mean 3.4); after: 4.1, 4.3, 4.4 (mean 4.27), +0.87.
  const statement = 'CSAT: 3.4/5 before (3 points) → 4.27/5 after (3 points), +0.87, better';
  await importMeasurements(a.page, boardId, pain.stageId, { [day(1)]: 4.1, [day(2)]: 4.3, [day(3)]: 4.4 });
  await expect(b.page.getByTestId('kpi-history-table').locator('tbody tr')).toHaveCount(9);
  await expect(chart).toHaveAttribute('aria-label', /^9 measurements/);
  await expect(b.page.getByTestId('kpi-outcomes').getByTestId('outcome-line')).toHaveText(`✓${statement}`);
  await expect(onAction).toHaveText(`✓${statement}`);
  await b.page.screenshot({ path: test.info().outputPath('kpi-chart-1440.png') });
  await a.page.screenshot({ path: test.info().outputPath('action-outcome-1440.png') });

  // The priority list shows it on the row, and the CSV download carries it.
  await a.page.keyboard.press('Escape');
  await a.page.getByTestId('priorities-toggle').click();
  const row = a.page.locator(`[data-testid="priority-row"][data-note-id="${pain.id}"]`);
  await expect(row.getByTestId('outcome-line').filter({ hasText: 'CSAT' })).toHaveText(`✓${statement}`);
  await a.page.screenshot({ path: test.info().outputPath('priority-outcome-1440.png') });
  const [file] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('download-csv').click()]);
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const line = rows.find((cells) => cells[header!.indexOf('text')] === pain.text)!;
  expect(line[header!.indexOf('status')]).toBe('Done');
  expect(line[header!.indexOf('done')]).toBe(day(0));
  expect(line[header!.indexOf('outcome')]).toContain(statement);
});

test('Journey health lists the sliding stage; Start a review saves a checkpoint and opens a round on its pain points', async ({
  browser,
  server,
}) => {
  const { boardId, a } = await annAndBobOnNewBoard(browser, server, 'Review', 'ecommerce', 'viewer');
  await a.page.setViewportSize({ width: 1440, height: 900 });
  await a.page.getByTestId('kpis-toggle').click();
  await a.page.getByTestId('kpi-view-health').click();
  // The template's Consideration conversion is 3.1 against a target of 4, down from 3.4: sliding.
  await expect(a.page.getByTestId('health-sliding').getByRole('listitem')).toHaveText([
    /^ConsiderationConversion below target, −0\.3$/,
  ]);
  await expect(a.page.getByTestId('health-table').locator('tbody tr').first()).toContainText('Conversion');
  expect(await seriousViolations(a.page, '[data-testid="kpi-panel"]')).toEqual([]);
  await a.page.screenshot({ path: test.info().outputPath('journey-health-1440.png') });

  await a.page.getByTestId('start-review').click();
  await expect(a.page.getByTestId('voting-bar')).toContainText('Review: Consideration');
  const board = await a.board();
  const consideration = board.stages.find((s) => s.name === 'Consideration')!;
  const pains = board.notes.filter((n) => n.kind === 'pain' && n.stageId === consideration.id);
  expect(pains.length).toBeGreaterThan(0);
  // The round is on those pain points: Ann's dot on one of them is taken.
  const voting = new VotingObject(a);
  await expect(voting.bar.getByTestId('voting-title')).toHaveText('Review: Consideration');
  await voting.clickNote(pains[0]!.id);
  expect((await voting.state()).myDots).toEqual({ [pains[0]!.id]: 1 });
  const token = linkFor(boardId, 'facilitator').match(/token=([^&]+)/)![1]!;
  const labels = await a.page.evaluate(
    async ({ boardId, token }) =>
      (
        (await (
          await fetch(`/api/boards/${boardId}/checkpoints`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { checkpoints: { label: string | null }[] }
      ).checkpoints.map((c) => c.label),
    { boardId, token },
  );
  expect(labels).toContain('Before the review of Consideration');
  await expect(a.page.getByTestId('start-review')).toBeDisabled();
});
