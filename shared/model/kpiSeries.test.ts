import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN } from '../doc/origins.ts';
import { kpiIdFor, readKpi } from '../schema/kpi.ts';
import {
  byPeriod,
  decodeRecent,
  encodeRecent,
  nextPeriod,
  parsePeriod,
  periodStart,
  seriesSummary,
} from '../schema/kpiSeries.ts';
import { getRecord } from '../doc/boardDoc.ts';
import { recordRepair } from '../schema/recordRepairs.ts';
import { createTestBoard, TEST_ACTOR } from '../testing/board.ts';
import { executeDef, mirrorKpiSeries } from './commands/index.ts';
import { measurementImport, parseKpiCsv } from './kpiImport.ts';

describe('KPI periods', () => {
  it('a day, a month or a quarter; an unreal date is refused, not rolled over', () => {
    expect(periodStart('2026-03-14')).toBe(Date.UTC(2026, 2, 14));
    expect(periodStart('2026-03')).toBe(Date.UTC(2026, 2, 1));
    expect(periodStart('2026-Q3')).toBe(Date.UTC(2026, 6, 1));
    const unreal = ['2026-02-30', '2026-13', '2026-Q5', '14/03/2026', '2026-3-1', ''];
    expect(unreal.map(periodStart)).toEqual(unreal.map(() => null));
    expect(parsePeriod(' 2026-q1 ')).toBe('2026-Q1');
  });

  it('periods sort by when they start, then as strings', () => {
    const periods = ['2026-02-01', '2026-Q1', '2025-12-31', '2026-01'].map((period) => ({ period }));
    expect(periods.sort(byPeriod).map((p) => p.period)).toEqual(['2025-12-31', '2026-01', '2026-Q1', '2026-02-01']);
  });
});

describe('a series decides value, previous and the sparkline', () => {
  it('the latest is the value, the one before is previous, the sparkline keeps the last 30', () => {
    const series = Array.from({ length: 40 }, (_, i) => ({
      period: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
      value: i,
    })).slice(0, 28);
    const { value, previous, mirror } = seriesSummary(series);
    expect([value, previous, mirror.measuredAt]).toEqual([27, 26, '2026-01-28']);
    expect(mirror.recent).toHaveLength(28);
    const long = Array.from({ length: 100 }, (_, i) => ({ period: '2026-01-01', value: i }));
    expect(seriesSummary(long).mirror.recent.map((p) => p.value)).toEqual(Array.from({ length: 30 }, (_, i) => i + 70));
  });

  it('an empty series and a single point', () => {
    expect(seriesSummary([])).toEqual({ value: null, previous: null, mirror: { measuredAt: null, recent: [] } });
    expect(seriesSummary([{ period: '2026-Q1', value: 4 }]).previous).toBeNull();
  });

  it('mirrorKpiSeries creates a missing KPI and writes the mirror; a hand-set trend stays', () => {
    const t = createTestBoard();
    const stageId = t.stage('Decision').id;
    t.run('setKpi', { stageId, metric: 'CSAT', value: 3, trend: 'up' });
    const recent = [
      { period: '2026-01', value: 4.4 },
      { period: '2026-02', value: 4.1 },
    ];
    executeDef(
      t.doc,
      TEST_ACTOR,
      mirrorKpiSeries,
      {
        kpis: [
          { stageId, metric: 'CSAT', value: 4.1, previous: 4.4, recent },
          { stageId, metric: 'NPS', target: 30, value: 12, previous: null, recent: [{ period: '2026-Q1', value: 12 }] },
        ],
      },
      ORIGIN.server,
    );
    const kpis = t.board().kpisByStage.get(stageId)!;
    expect(kpis.map((k) => [k.metric, k.value, k.previous, k.trend, k.measuredAt, k.recent.length])).toEqual([
      ['CSAT', 4.1, 4.4, 'up', '2026-02', 2],
      ['NPS', 12, null, null, '2026-Q1', 1],
    ]);
    expect(kpis[1]!.target).toBe(30);
    // One string per KPI, and no measuredAt key: the string's last period says it.
    const rec = getRecord(t.doc, kpis[0]!.id)!;
    expect([rec.get('recent'), rec.has('measuredAt')]).toEqual(['2026-01=4.4 4.1', false]);
  });

  it('the mirror writes only what changed: the same series again changes nothing, the next day three keys', () => {
    const t = createTestBoard();
    const stageId = t.stage('Decision').id;
    const days = Array.from({ length: 31 }, (_, i) => ({
      period: `2026-01-${String(i + 1).padStart(2, '0')}`,
      value: i,
    }));
    const mirror = (series: typeof days) => {
      const { value, previous, mirror: m } = seriesSummary(series);
      executeDef(
        t.doc,
        TEST_ACTOR,
        mirrorKpiSeries,
        { kpis: [{ stageId, metric: 'CSAT', value, previous, recent: [...m.recent] }] },
        ORIGIN.server,
      );
    };
    mirror(days.slice(0, 30));
    const keys: string[] = [];
    t.doc.on('afterTransaction', (tr: Y.Transaction) =>
      tr.changed.forEach((subs) => keys.push(...[...subs].filter((k) => k !== null))),
    );
    mirror(days.slice(0, 30));
    expect(keys).toEqual([]);
    mirror(days);
    expect(keys.sort()).toEqual(['previous', 'recent', 'value']);
  });

  it('a board mirrored before the string form (an array and a measuredAt key) reads the same', () => {
    const raw = {
      stageId: 'stage:a',
      metric: 'CSAT',
      value: 4,
      measuredAt: '2026-02',
      recent: [{ period: '2026-02', value: 4 }],
    };
    expect(readKpi(kpiIdFor('stage:a', 'CSAT'), raw)).toMatchObject({ measuredAt: '2026-02', recent: raw.recent });
    // The string wins over a measuredAt key an older mirror left behind.
    const now = { ...raw, recent: '2026-03=4.5' };
    expect(readKpi(kpiIdFor('stage:a', 'CSAT'), now)).toMatchObject({
      measuredAt: '2026-03',
      recent: [{ period: '2026-03', value: 4.5 }],
    });
  });

  it('a board from before the series reads as "no series"; a malformed mirror is repaired away', () => {
    const raw = { stageId: 'stage:a', metric: 'CSAT', value: 4 };
    expect(readKpi(kpiIdFor('stage:a', 'CSAT'), raw)).toMatchObject({ value: 4, measuredAt: null, recent: [] });
    const doc = new Y.Doc();
    const rec = doc.getMap('x').set('k', new Y.Map<unknown>());
    for (const [k, v] of Object.entries({ ...raw, measuredAt: 'yesterday', recent: [{ period: 'x', value: 1 }] }))
      rec.set(k, v);
    const repair = recordRepair(kpiIdFor('stage:a', 'CSAT'), rec);
    expect(repair).toMatchObject({ kind: 'fix', remove: ['measuredAt', 'recent'] });
    rec.set('measuredAt', '2026-01');
    rec.set('recent', '2026-01=4 5=6');
    expect(recordRepair(kpiIdFor('stage:a', 'CSAT'), rec)).toMatchObject({ kind: 'fix', remove: ['recent'] });
    rec.set('recent', '2026-01=4 4.5');
    expect(recordRepair(kpiIdFor('stage:a', 'CSAT'), rec)).not.toHaveProperty(
      'remove',
      expect.arrayContaining(['recent']),
    );
  });
});

describe('the sparkline as one string (encodeRecent)', () => {
  const round = (points: { period: string; value: number }[]) => decodeRecent(encodeRecent(points));

  it('a run of consecutive periods writes the first period only; a gap or another granularity writes its own', () => {
    const points = [
      { period: '2026-12-30', value: 4.2 },
      { period: '2026-12-31', value: -0.5 },
      { period: '2027-01-01', value: 1e-7 },
      { period: '2027-01-03', value: 1_000_000_000 },
      { period: '2027-01', value: 3 },
      { period: '2027-02', value: 3.25 },
      { period: '2027-Q4', value: 7 },
      { period: '2028-Q1', value: 8 },
    ];
    expect(encodeRecent(points)).toBe('2026-12-30=4.2 -0.5 1e-7 2027-01-03=1000000000 2027-01=3 3.25 2027-Q4=7 8');
    expect(round(points)).toEqual(points);
    expect(round([])).toEqual([]);
    expect(['2024-02-28', '2024-02-29', '2025-12', '2026-Q4'].map(nextPeriod)).toEqual([
      '2024-02-29',
      '2024-03-01',
      '2026-01',
      '2027-Q1',
    ]);
  });

  it('30 daily points take about 4 bytes each', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({
      period: `2026-03-${String(i + 1).padStart(2, '0')}`,
      value: 3 + (i % 20) / 10,
    }));
    expect(round(days)).toEqual(days);
    expect(encodeRecent(days).length).toBeLessThan(130);
  });

  it('anything that does not read whole is null (a reader shows no sparkline, the server removes it)', () => {
    const bad = [
      '4.2',
      '2026-13=1',
      '2026-01=x',
      '2026-01=1  2',
      '2026-01=Infinity',
      '2026-01=2e9',
      ' 2026-01=1',
      '2026-01= 1',
    ];
    expect(bad.map(decodeRecent)).toEqual(bad.map(() => null));
    expect(
      decodeRecent(Array.from({ length: 31 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}=1`).join(' ')),
    ).toBeNull();
  });
});

describe('KPI CSV import with a date column', () => {
  // A dated file reads the board only for its stages: KPIs it has or lacks make no difference.
  const board = createTestBoard;

  it('many dates per KPI, sample size and source, target given once', () => {
    const t = board();
    const csv = [
      'Stage,Metric,Date,Value,Target,Sample size,Source',
      'Decision,Conversion,2026-01,2.1,3,1200,BI nightly',
      'Decision,Conversion,2026-02,2.4,,1300,BI nightly',
      'awareness,CSAT,2026-q1,4.2,,,',
    ].join('\n');
    const { rows, measurements, errors } = parseKpiCsv(csv, t.board());
    expect(errors).toEqual([]);
    expect(rows).toEqual([]);
    expect(measurements.map((m) => [m.line, m.kpiId, m.measurement])).toEqual([
      [
        2,
        kpiIdFor(t.stage('Decision').id, 'Conversion'),
        { period: '2026-01', value: 2.1, sampleSize: 1200, source: 'BI nightly' },
      ],
      [
        3,
        kpiIdFor(t.stage('Decision').id, 'Conversion'),
        { period: '2026-02', value: 2.4, sampleSize: 1300, source: 'BI nightly' },
      ],
      [4, kpiIdFor(t.stage('Awareness').id, 'CSAT'), { period: '2026-Q1', value: 4.2, sampleSize: null, source: null }],
    ]);
    expect(measurements[0]!.kpi).toEqual({ stageId: t.stage('Decision').id, metric: 'Conversion', target: 3 });
  });

  it('formula-unsafe and malformed cells get one clear error per row', () => {
    const t = board();
    const csv = [
      'stage,metric,date,value,target,sample_size,source',
      'Decision,Conversion,2026-01,2,,,=HYPERLINK("http://x")',
      'Decision,@SUM(A1),2026-01,2,,,',
      'Decision,Conversion,14/03/2026,2,,,',
      'Decision,Conversion,,2,,,',
      'Decision,Conversion,2026-02,2,,12.5,',
      'Decision,Conversion,2026-03,=1+1,,,',
      'Decision,Conversion,2026-04,2,3,,',
      'Decision,Conversion,2026-04,2.5,,,',
      'Decision,Conversion,2026-05,2,4,,',
      'Decision,Conversion,2026-06,-2,,,-5 from last month',
    ].join('\n');
    const { measurements, errors } = parseKpiCsv(csv, t.board());
    expect(measurements.map((m) => m.line)).toEqual([8]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'The source "=HYPERLINK("http://x")" starts like a spreadsheet formula (=)'],
      [3, 'The metric "@SUM(A1)" starts like a spreadsheet formula (@)'],
      [4, 'The date "14/03/2026" is not a day 2026-03-14, a month 2026-03 or a quarter 2026-Q1'],
      [5, 'The date is missing (a day 2026-03-14, a month 2026-03 or a quarter 2026-Q1)'],
      [6, 'The sample size 12.5 is not a whole number of 0 or more'],
      [7, 'The value "=1+1" is not a number'],
      [9, 'Conversion for Decision on 2026-04 is already on line 8'],
      [10, 'The target 4 differs from the target on line 8'],
      [11, 'The source "-5 from last month" starts like a spreadsheet formula (-)'],
    ]);
  });

  it('previous and trend columns make no sense next to dates', () => {
    const { errors } = parseKpiCsv(
      'stage,metric,date,value,previous\nDecision,Conversion,2026-01,2,1',
      board().board(),
    );
    expect(errors[0]!.message).toMatch(/"previous" and "trend" follow from the dates/);
  });
});

describe('a dated file becomes one server request', () => {
  it('one entry per KPI, its fields merged, its measurements in file order', () => {
    const t = createTestBoard();
    const csv = [
      'stage,metric,date,value,target,unit',
      'Decision,Conversion,2026-01,2,3,',
      'Awareness,CSAT,2026-01,4,,',
      'Decision,Conversion,2026-02,2.5,,%',
    ].join('\n');
    const preview = parseKpiCsv(csv, t.board());
    expect(preview.dated).toBe(true);
    expect(measurementImport(preview.measurements)).toEqual([
      {
        stageId: t.stage('Decision').id,
        metric: 'Conversion',
        target: 3,
        unit: '%',
        measurements: [
          { period: '2026-01', value: 2, sampleSize: null, source: null },
          { period: '2026-02', value: 2.5, sampleSize: null, source: null },
        ],
      },
      {
        stageId: t.stage('Awareness').id,
        metric: 'CSAT',
        measurements: [{ period: '2026-01', value: 4, sampleSize: null, source: null }],
      },
    ]);
  });
});
