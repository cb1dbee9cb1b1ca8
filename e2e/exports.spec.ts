import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { CommentsObject } from './CommentsObject.ts';
import { expect, personPage, test, boardPageAs, annOnNewBoard, ANN, BOB } from './fixtures.ts';
import { boardLinks, type BoardLinks } from './server.ts';
import { fetchAsPerson } from '../server/testing/identities.ts';
import { seriousViolations } from './axe.ts';
import { day, importMeasurements } from './kpiMeasurements.ts';
import { pdfPages } from './pdfPages.ts';
import { PRIORITY_COLUMNS, type PriorityColumn } from '../shared/export/labels.ts';

/** How an *alternative* connector is drawn (#1d4ed8, client/canvas/ConnectorsLayer.tsx). */
const ALTERNATIVE_RGB = 0x1d4ed8;

const tokenOf = (link: string) => new URLSearchParams(link.slice(link.indexOf('#') + 1)).get('token')!;
// Schema 6: a record's type is its key's prefix (`note:…`); records carry no typeName or id.
type Rec = Record<string, unknown> & { kind?: string; text?: string };

/**
 * A board with a revealed voting round. Rounds are written only by the server at reveal; here the
 * round comes in through the backup import (the voting feature is another issue), which also
 * exercises export.json and POST /api/boards/import end to end. The top note is on the phone
 * channel, and an *alternative* connector (drawn blue, ALTERNATIVE_RGB) leads from it to the second.
 */
async function boardWithRound(
  url: string,
  create: (title: string, template: string) => Promise<{ id: string; links: BoardLinks }>,
) {
  const { id, links } = await create('Checkout, «exports»', 'ecommerce');
  const backup = (await (
    await fetchAsPerson(`${url}/api/boards/${id}/export.json`, tokenOf(links.facilitator))
  ).json()) as {
    records: Record<string, Rec>;
  };
  const pains = Object.entries(backup.records).filter(([id, r]) => id.startsWith('note:') && r.kind === 'pain');
  const [top, second] = [pains[1]!, pains[0]!];
  backup.records[top[0]] = { ...top[1], channel: 'channel:phone' };
  backup.records['connector:e2e'] = { from: top[0], to: second[0], kind: 'alternative' };
  backup.records['round:e2e'] = {
    title: 'Workshop vote',
    openedAt: 1_790_000_000_000,
    revealedAt: 1_790_000_060_000,
    dotsPerPerson: 3,
    anonymous: true,
    voterCount: 4,
    totals: { [top[0]]: 5, [second[0]]: 2 },
    notes: {},
    byDepartment: {},
    byPerson: null,
  };
  const res = await fetch(`${url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(backup),
  });
  expect(res.status).toBe(201);
  const imported = (await res.json()) as { id: string; links: BoardLinks };
  boardLinks.set(imported.id, imported.links);
  return {
    id: imported.id,
    top: { id: top[0], text: String(top[1].text) },
    second: { id: second[0], text: String(second[1].text) },
  };
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('priority list ranked by a revealed round; CSV download; an action edited in the panel; deep link back to the note', async ({
  browser,
  server,
}) => {
  const { id, top, second } = await boardWithRound(server.url, (t, tpl) => server.createBoardWithLinks(t, tpl));
  const board = await boardPageAs(browser, server, ANN);
  await board.open(id);
  const page = board.page;
  // A comment on the top note: the panel and the CSV count it (from the comments document).
  const comments = new CommentsObject(board);
  await comments.openOnNote(top.id);
  await comments.startThread('Raised by three customers this week');
  await page.keyboard.press('Escape'); // closes the thread, wherever the focus went after posting
  await expect(page.getByTestId('thread-popover')).toBeHidden();
  await page.getByTestId('priorities-toggle').click();
  const panel = page.getByTestId('priority-panel');
  await expect(panel).toBeVisible();
  const rows = panel.getByTestId('priority-row');
  await expect(rows.nth(0)).toHaveAttribute('data-note-id', top.id);
  await expect(rows.nth(1)).toHaveAttribute('data-note-id', second.id);
  await expect(panel.getByTestId('priority-summary')).toContainText('Workshop vote');

  // An editor sets the owner of the top item right in the list.
  await rows.nth(0).getByTestId('make-action').click();
  await rows.nth(0).getByLabel('Owner').fill('Priya, "CX" lead');
  await rows.nth(0).getByLabel('Owner').press('Tab');
  await expect.poll(async () => (await board.noteById(top.id))?.action?.owner).toBe('Priya, "CX" lead');
  await page.screenshot({ path: 'test-results/exports-panel.png' });
  expect(await seriousViolations(page, '[data-testid="priority-panel"]')).toEqual([]);

  // Filters: only opportunities; ranks stay board-wide.
  await panel.getByTestId('priority-kind').selectOption('idea');
  await expect(rows.first()).toBeVisible();
  const ideaIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-note-id')));
  const kinds = new Map((await board.board()).notes.map((n) => [n.id, n.kind]));
  expect(ideaIds.length).toBeGreaterThan(0);
  expect(ideaIds.every((i) => kinds.get(i!) === 'idea')).toBe(true);
  expect(Number(await rows.first().locator('.rank').textContent())).toBeGreaterThan(2);
  await panel.getByTestId('priority-kind').selectOption('');

  await expect(rows.nth(0).getByTestId('priority-comments')).toHaveText('1');
  // The server has the comment too before the CSV is fetched from it.
  const viewerToken = new URLSearchParams(boardLinks.get(id)!.viewer.split('#')[1]).get('token')!;
  await expect
    .poll(async () => {
      const res = await fetchAsPerson(`${server.url}/api/boards/${id}/priorities.json`, viewerToken);
      return ((await res.json()) as { items: { noteId: string; comments: number | null }[] }).items.find(
        (i) => i.noteId === top.id,
      )?.comments;
    })
    .toBe(1);
  const csv = await download(page, 'download-csv');
  expect(csv.name).toBe('checkout-exports-priorities.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(csv.bytes.subarray(3).toString('utf8'), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, first, next] = parsed.data;
  expect(header).toEqual([...PRIORITY_COLUMNS]);
  const col = (name: PriorityColumn) => PRIORITY_COLUMNS.indexOf(name);
  expect(first!.slice(0, 3)).toEqual(['1', '5', top.text]);
  expect(first![col('channel')]).toBe('Phone');
  expect(first![col('owner')]).toBe('Priya, "CX" lead');
  expect(first![col('status')]).toBe('Open');
  expect(first![col('comments')]).toBe('1');
  expect(next![col('channel')]).toBe('Web'); // as the e-commerce template has it
  expect(next!.slice(0, 3)).toEqual(['2', '2', second.text]);

  // The link in the CSV opens the board on that note, selected and in view.
  const link = new URL(first![col('link')]!);
  expect(link.pathname).toBe(`/b/${id}`);
  await page.goto(link.pathname + link.search);
  await board.waitReady({ fit: false }); // opens on the linked note
  await expect.poll(() => page.evaluate(() => window.__journeyboard!.selection())).toEqual([top.id]);
  const r = await board.noteRect(top.id);
  const view = page.viewportSize()!;
  expect(Math.abs(r.x + r.width / 2 - view.width / 2)).toBeLessThan(view.width / 4);
  expect(page.url()).not.toContain('note=');
});

test('PNG of the whole board at 2x: the board’s size, not blank; PDF and backup download', async ({
  browser,
  server,
}) => {
  const { id } = await boardWithRound(server.url, (t, tpl) => server.createBoardWithLinks(t, tpl));
  const board = await boardPageAs(browser, server, BOB);
  await board.open(id, 'viewer'); // a viewer may export too
  const page = board.page;
  await page.getByTestId('priorities-toggle').click();

  const png = await download(page, 'download-png-board');
  expect(png.name).toBe('checkout-exports-board.png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  writeFileSync('test-results/exports-board.png', png.bytes); // to look at
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  const layout = await page.evaluate(() => window.__journeyboard!.layoutSize());
  const margin = 24;
  expect(width).toBe(2 * Math.ceil(layout.width + 2 * margin));
  expect(height).toBe(2 * Math.ceil(layout.height + 2 * margin));
  // Decoded in the browser: many distinct colours (notes of every kind, text), not one flat fill.
  const stats = await page.evaluate(
    async ({ b64, rgb }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      let transparent = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        if (data[i + 3] === 0) transparent++;
      }
      let connector = 0;
      for (let i = 0; i < data.length; i += 4)
        if ((data[i]! << 16) + (data[i + 1]! << 8) + data[i + 2]! === rgb) connector++;
      return { colours: colours.size, transparent, connector };
    },
    { b64: png.bytes.toString('base64'), rgb: ALTERNATIVE_RGB },
  );
  expect(stats.colours).toBeGreaterThan(200);
  expect(stats.transparent).toBe(0);
  // The connector is in the image: its line's colour, over a few hundred pixels (nothing else on the board is that blue).
  expect(stats.connector).toBeGreaterThan(200);

  await page.screenshot({ path: 'test-results/exports-panel-viewer.png' });
  const view = await download(page, 'download-png-view');
  writeFileSync('test-results/exports-view.png', view.bytes);
  const vp = await page.locator('[data-testid="board-canvas"]').boundingBox();
  expect(view.bytes.readUInt32BE(16)).toBe(2 * Math.round(vp!.width));

  const pdf = await download(page, 'download-pdf');
  expect(pdf.name).toBe('checkout-exports-a4.pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(20_000);
  writeFileSync('test-results/exports-board.pdf', pdf.bytes);
  const pdfText = pdf.bytes.toString('latin1');
  expect(pdfText).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/); // A4 landscape, in points
  expect(pdfText).toContain('(Priority list)');
  // The template's KPIs were typed by hand: no series, so no page of KPI charts (never an empty one).
  expect(pdfPages(pdf.bytes).map((p) => p.content.includes('(KPI charts'))).toEqual([false, false]);
  await page.getByTestId('pdf-paper').selectOption('letter');
  const letter = await download(page, 'download-pdf');
  expect(letter.name).toBe('checkout-exports-letter.pdf');
  expect(letter.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 792\.? ?\d* ?612/);

  const backup = await download(page, 'download-backup');
  expect(backup.name).toBe('checkout-exports-backup.json');
  expect(JSON.parse(backup.bytes.toString('utf8'))).toMatchObject({ format: 'journeyboard.board', version: 1 });
});

test('PDF: a page of KPI charts drawn by uPlot for the KPIs with measurements, with the target and the action markers', async ({
  browser,
  server,
}) => {
  const { boardId, a } = await annOnNewBoard(browser, server, 'Checkout metrics', 'ecommerce');
  await a.page.setViewportSize({ width: 1440, height: 900 });
  const pain = (await a.board()).notes.find((n) => n.text === 'Shipping cost only shown at the last step')!;
  const days = Object.fromEntries([3.6, 3.7, 3.5, 3.4, 3.9, 4.1, 4.3].map((v, i) => [day(i - 6), v]));
  await importMeasurements(a.page, boardId, pain.stageId, days);
  const toolbar = await a.makeAction(pain.id);
  await toolbar.getByLabel('Status').selectOption('done');
  await a.page.keyboard.press('Escape');
  await a.page.getByTestId('priorities-toggle').click();

  const pdf = await download(a.page, 'download-pdf');
  writeFileSync(test.info().outputPath('kpi-charts.pdf'), pdf.bytes); // to look at
  const pages = pdfPages(pdf.bytes);
  // The board, the priority list, then one page of charts: only the CSAT has a series.
  expect(pages.map((p) => p.content.includes('(KPI charts)'))).toEqual([false, false, true]);
  const charts = pages[2]!;
  const stage = (await a.board()).stages.find((s) => s.id === pain.stageId)!.name;
  expect(charts.content).toContain(`(${stage} · CSAT)`);
  expect(charts.content).toMatch(/7 measurements from 3\.6\/5 on \S+ to 4\.3\/5 on \S+; target 4\.2\/5;/);
  expect(charts.content).toContain('2 action steps marked'); // made an action, then done
  // One image, drawn by uPlot at three pixels per point: axes, line, target and markers, on white.
  expect(charts.images).toHaveLength(1);
  const [chart] = charts.images;
  expect(chart!.width).toBeGreaterThanOrEqual(1000);
  expect(chart!.colours).toBeGreaterThan(20);
  expect(chart!.inked).toBeGreaterThan(0.01);
  expect(chart!.inked).toBeLessThan(0.5);

  // The series cannot be read (offline): the PDF is still made, from the points the board holds, and says so.
  await a.page.route('**/kpis/*/measurements', (route) => route.abort());
  const offline = pdfPages((await download(a.page, 'download-pdf')).bytes)[2]!;
  expect(offline.content).toContain('Only the latest 7 points: the whole series could not be read');
  expect(offline.images).toHaveLength(1);
});

test('home page: import a backup as a new board; a bad file is refused with the reason', async ({
  browser,
  server,
}) => {
  const { id, links } = await server.createBoardWithLinks('Support ticket journey', 'support-ticket');
  const backup = await (
    await fetchAsPerson(`${server.url}/api/boards/${id}/export.json`, tokenOf(links.facilitator))
  ).text();
  const page = await personPage(browser, server, { name: 'Cy Oh', department: 'support' });
  await page.goto('/');
  await expect(page.getByTestId('home-import')).toBeVisible();
  await page.screenshot({ path: 'test-results/exports-home.png' });

  await page.getByTestId('home-import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"journeyboard.board","version":1}'),
  });
  await expect(page.getByRole('alert')).toContainText('schemaVersion');
  expect(new URL(page.url()).pathname).toBe('/');

  await page
    .getByTestId('home-import-file')
    .setInputFiles({ name: 'support-ticket-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.waitForURL(/\/b\/[0-9a-z]+/);
  const board = new BoardPageObject(page);
  await board.waitReady();
  const newId = new URL(page.url()).pathname.split('/')[2]!;
  expect(newId).not.toBe(id);
  const original = JSON.parse(backup) as { records: Record<string, Rec> };
  const texts = Object.entries(original.records)
    .filter(([id]) => id.startsWith('note:'))
    .map(([, r]) => r.text)
    .sort();
  expect((await board.board()).notes.map((n) => n.text).sort()).toEqual(texts);
  expect(await page.evaluate(() => window.__journeyboard!.role())).toBe('facilitator');
});
