import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readBoard } from '../model/snapshot.ts';
import { buildExportFixture, FIXTURE_COMMENTS } from '../testing/exportFixture.ts';
import { priorityCsv, UTF8_BOM } from './csv.ts';
import { priorityJsonText } from './json.ts';
import { PRIORITY_COLUMNS } from './labels.ts';
import { escapeMarkdownCell, priorityMarkdown } from './markdown.ts';
import { buildPriorityList, type PriorityList } from './priorityList.ts';

const GENERATED_AT = '2026-11-30T12:00:00.000Z';
const board = readBoard(buildExportFixture());
const list = (extra: Partial<Parameters<typeof buildPriorityList>[0]> = {}): PriorityList =>
  buildPriorityList({
    board,
    round: 'latest',
    commentCounts: FIXTURE_COMMENTS,
    commentsIncluded: true,
    baseUrl: 'https://jb.example',
    ...extra,
  });

// Golden files: `npx vitest run shared/export -u` rewrites them; review the diff like code.
describe('golden files', () => {
  it('CSV', async () => {
    await expect(priorityCsv(list())).toMatchFileSnapshot('./__golden__/priorities.csv');
  });
  it('Markdown', async () => {
    await expect(priorityMarkdown(list(), board, GENERATED_AT)).toMatchFileSnapshot('./__golden__/priorities.md');
  });
  it('JSON', async () => {
    await expect(priorityJsonText(list(), GENERATED_AT)).toMatchFileSnapshot('./__golden__/priorities.json');
  });
  it('CSV and Markdown when comments are not available, all rounds', async () => {
    const l = list({ commentsIncluded: false, commentCounts: new Map(), round: 'all' });
    await expect(priorityCsv(l)).toMatchFileSnapshot('./__golden__/priorities-all-no-comments.csv');
    await expect(priorityMarkdown(l, board, GENERATED_AT)).toMatchFileSnapshot(
      './__golden__/priorities-all-no-comments.md',
    );
  });
});

describe('CSV', () => {
  const csv = priorityCsv(list());

  it('starts with a UTF-8 BOM and a header row, and separates records with CRLF', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(PRIORITY_COLUMNS.join(','));
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('round-trips through a real CSV parser: commas, quotes, newlines, emoji; formulas neutralised', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...PRIORITY_COLUMNS]);
    const items = list().items;
    expect(rows).toHaveLength(items.length);
    const col = (name: string) => PRIORITY_COLUMNS.indexOf(name as never);
    rows.forEach((row, i) => {
      const it = items[i]!;
      const text = /^[=+\-@\t\r]/.test(it.text) ? `'${it.text}` : it.text;
      expect(row[col('text')]).toBe(text);
      expect(row[col('rank')]).toBe(String(it.rank));
      expect(row[col('votes')]).toBe(String(it.votes));
      expect(row[col('link')]).toBe(it.link ?? '');
    });
    const texts = rows.map((r) => r[col('text')]!);
    expect(texts).toContain('Ads | confusing\nsecond line 🙈');
    expect(texts).toContain('Shipping cost, shown "late" at checkout');
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(texts).toContain(`'+1 more chat agents, at night`);
    expect(texts).toContain(`'-5 stars reviews\r\n\tafter returns`);
    expect(rows.map((r) => r[col('owner')])).toContain(`'@support lead`);
    expect(rows.map((r) => r[col('channel')])).toContain(`'=1+2 hotline`);
    // No cell of any row starts with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises a formula on a later line of a multi-line cell’s start too', () => {
    // Papa Parse's own escapeFormulae pattern (/^[=+\-@\t\r].*$/) misses this one.
    const doc = buildExportFixture();
    const b = readBoard(doc);
    const l = buildPriorityList({
      board: b,
      round: 'latest',
      commentCounts: new Map(),
      commentsIncluded: true,
      baseUrl: '',
    });
    const tricky = { ...l, items: [{ ...l.items[0]!, text: '=1+1\nmore', owner: '@x\ny' }] };
    const row = Papa.parse<string[]>(priorityCsv(tricky).slice(1), { newline: '\r\n', skipEmptyLines: true }).data[1]!;
    expect(row[PRIORITY_COLUMNS.indexOf('text')]).toBe("'=1+1\nmore");
    expect(row[PRIORITY_COLUMNS.indexOf('owner')]).toBe("'@x\ny");
  });

  it("names each note's channel; none, a removed channel and a removed note give an empty cell", () => {
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1);
    const channelOf = (text: string) =>
      rows.find((r) => r[PRIORITY_COLUMNS.indexOf('text')]!.includes(text))![PRIORITY_COLUMNS.indexOf('channel')];
    expect(channelOf('Shipping cost')).toBe('Web');
    expect(channelOf('Ads | confusing')).toBe('Social');
    expect(channelOf('-5 stars reviews')).toBe("'=1+2 hotline");
    expect(channelOf('more chat agents')).toBe('');
    expect(channelOf('From a removed stage')).toBe('');
    expect(channelOf('Slow page, now merged')).toBe('');
  });

  it('leaves the comments cell empty, not 0, when comments are not available', () => {
    const l = list({ commentsIncluded: false, commentCounts: new Map() });
    const rows = Papa.parse<string[]>(priorityCsv(l).slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1);
    expect(rows.every((r) => r[PRIORITY_COLUMNS.indexOf('comments')] === '')).toBe(true);
  });
});

describe('Markdown', () => {
  it('escapes pipes, markup and line breaks in cells', () => {
    expect(escapeMarkdownCell('a | b\nc *d* <script>')).toBe('a \\| b<br>c \\*d\\* \\<script\\>');
  });

  it('has one table row per item with the same number of cells as the header, and a section per stage', () => {
    const md = priorityMarkdown(list(), board, GENERATED_AT);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    const header = rows[0]!;
    const firstTable = rows.slice(0, 2 + list().items.length);
    for (const r of firstTable) expect(cells(r)).toBe(cells(header));
    expect(md).toContain('## Awareness');
    expect(md).toContain('## Decision');
    expect(md).toContain('## Use \\& support');
    expect(md).toContain('## Not on the board');
  });

  it('has a Channel column, escaped like other free text', () => {
    const md = priorityMarkdown(list(), board, GENERATED_AT);
    expect(md.split('\n').find((l) => l.startsWith('| #'))).toContain('| Lane | Channel | Kind |');
    const hotline = md.split('\n').find((l) => l.includes('\\-5 stars') || l.includes('-5 stars'))!;
    expect(hotline).toContain('| =1+2 hotline |');
  });
});

describe('JSON', () => {
  it('is versioned and carries every item field', () => {
    const json = JSON.parse(priorityJsonText(list(), GENERATED_AT));
    expect(json).toMatchObject({
      format: 'journeyboard.priorities',
      version: 1,
      generatedAt: GENERATED_AT,
      commentsIncluded: true,
    });
    expect(Object.keys(json.items[0]).sort()).toEqual(
      [
        'rank',
        'noteId',
        'votes',
        'text',
        'stageId',
        'stage',
        'laneId',
        'lane',
        'channel',
        'kind',
        'department',
        'author',
        'comments',
        'owner',
        'status',
        'due',
        'doneAt',
        'outcome',
        'path',
        'link',
        'removed',
      ].sort(),
    );
    expect(json.outcomeWindow).toBe(3);
  });
});

describe('Did it work? in the exports', () => {
  // The fixture's done action ("+1 more chat agents") was done on 2026-09-21; its stage's CSAT is
  // 3.9, 4.0, 4.1 in June–August (mean 4.0) and 4.2, 4.3, 4.4 in October–December (mean 4.3).
  const statement =
    'CSAT: 4/5 before (3 points) → 4.3/5 after (3 points), +0.3, better; CES: too little data to say (0 points before, 1 point after; needs 2 on each side)';

  it('the done action carries its date and its before/after in CSV, Markdown and JSON', () => {
    const agents = list().items.find((it) => it.noteId === 'note:agents')!;
    expect(agents.doneAt).toBe('2026-09-21T14:13:20.000Z');
    expect(agents.outcome?.statement).toBe(statement);
    const rows = Papa.parse<string[]>(priorityCsv(list()).slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    const row = rows.find((r) => r.includes("'@support lead"))!;
    expect(row[PRIORITY_COLUMNS.indexOf('done')]).toBe('2026-09-21');
    expect(row[PRIORITY_COLUMNS.indexOf('outcome')]).toBe(statement);
    expect(priorityMarkdown(list(), board, GENERATED_AT)).toContain('| 2026-09-21 | CSAT: 4/5 before (3 points)');
    const json = JSON.parse(priorityJsonText(list(), GENERATED_AT));
    const item = json.items.find((it: { noteId: string }) => it.noteId === 'note:agents');
    expect(item.outcome.kpis[0]).toMatchObject({ metric: 'CSAT', before: { points: 3 }, after: { points: 3 } });
    expect(item.outcome.kpis[0].change).toBeCloseTo(0.3, 9);
  });

  it('the window is configurable, and a series from the server replaces the mirrored points', () => {
    const wide = list({ outcomeWindow: 1 }).items.find((it) => it.noteId === 'note:agents')!;
    expect(wide.outcome?.kpis[0]).toMatchObject({ before: { mean: 4.1, points: 1 }, after: { mean: 4.2, points: 1 } });
    const series = new Map([
      [
        'kpi:use.csat' as never,
        [
          { period: '2026-08', value: 1 },
          { period: '2026-10', value: 2 },
        ],
      ],
    ]);
    const fromServer = list({ series, outcomeWindow: 1 }).items.find((it) => it.noteId === 'note:agents')!;
    expect(fromServer.outcome?.kpis[0]?.change).toBe(1);
    expect(
      list()
        .items.filter((it) => it.outcome)
        .map((it) => it.noteId),
    ).toEqual(['note:agents']);
  });
});
