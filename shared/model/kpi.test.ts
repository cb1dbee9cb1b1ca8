import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel } from './boardModel.ts';
import { readBoard } from './snapshot.ts';
import { parseKpiCsv, parseNumber } from './kpiImport.ts';
import { executeCommand } from './commands/index.ts';
import { createTestBoard, TEST_ACTOR } from '../testing/board.ts';
import { kpiIdFor, kpiStatus, kpiTrend, kpiTrendIsGood, readKpi, describeKpi } from '../schema/kpi.ts';
import { recordRepair } from '../schema/recordRepairs.ts';

describe('KPI status and trend', () => {
  it('higher is better: met at or above the target, near within 10 %, missed below', () => {
    expect(kpiStatus({ value: 4.6, target: 4.5, direction: 'higher' })).toBe('met');
    expect(kpiStatus({ value: 4.5, target: 4.5, direction: 'higher' })).toBe('met');
    expect(kpiStatus({ value: 4.1, target: 4.5, direction: 'higher' })).toBe('near');
    expect(kpiStatus({ value: 3.9, target: 4.5, direction: 'higher' })).toBe('missed');
  });

  it('lower is better (effort, churn): a value above the target misses it', () => {
    expect(kpiStatus({ value: 2, target: 2.5, direction: 'lower' })).toBe('met');
    expect(kpiStatus({ value: 2.7, target: 2.5, direction: 'lower' })).toBe('near');
    expect(kpiStatus({ value: 4, target: 2.5, direction: 'lower' })).toBe('missed');
  });

  it('no value or no target: no status; a target of 0 (NPS) is compared as a number', () => {
    expect(kpiStatus({ value: null, target: 3, direction: 'higher' })).toBe('none');
    expect(kpiStatus({ value: 3, target: null, direction: 'higher' })).toBe('none');
    expect(kpiStatus({ value: -4, target: 0, direction: 'higher' })).toBe('missed');
    expect(kpiStatus({ value: 0, target: 0, direction: 'higher' })).toBe('met');
  });

  it('the trend is computed from the previous value unless set by hand; good news depends on the direction', () => {
    expect(kpiTrend({ value: 4, previous: 3.5, trend: null })).toBe('up');
    expect(kpiTrend({ value: 3, previous: 3.5, trend: null })).toBe('down');
    expect(kpiTrend({ value: 3, previous: 3, trend: null })).toBe('flat');
    expect(kpiTrend({ value: 3, previous: null, trend: null })).toBeNull();
    expect(kpiTrend({ value: 3, previous: 5, trend: 'up' })).toBe('up');
    expect(kpiTrendIsGood({ direction: 'higher' }, 'up')).toBe(true);
    expect(kpiTrendIsGood({ direction: 'lower' }, 'up')).toBe(false);
    expect(kpiTrendIsGood({ direction: 'lower' }, 'down')).toBe(true);
    expect(kpiTrendIsGood({ direction: 'lower' }, 'flat')).toBeNull();
  });
});

describe('KPI commands', () => {
  it('setKpi adds a metric with its preset unit and direction, then updates only the given fields', () => {
    const t = createTestBoard();
    const stageId = t.stage('Decision').id;
    const id = t.run('setKpi', { stageId, metric: 'ces', value: 3.4, target: 3 });
    expect(id).toBe(kpiIdFor(stageId, 'CES'));
    expect(t.board().kpisByStage.get(stageId)).toEqual([
      {
        typeName: 'kpi',
        id,
        stageId,
        metric: 'CES',
        value: 3.4,
        target: 3,
        previous: null,
        unit: '/7',
        direction: 'lower',
        trend: null,
        measuredAt: null,
        recent: [],
      },
    ]);
    expect(t.run('setKpi', { stageId, metric: ' CES ', value: 2.8 })).toBe(id);
    expect(t.board().kpis).toHaveLength(1);
    expect(t.board().kpis[0]).toMatchObject({ value: 2.8, target: 3, direction: 'lower' });
    expect(describeKpi(t.board().kpis[0]!)).toBe('CES: 2.8/7, target 3/7, on target, lower is better');
  });

  it('a custom metric, updateKpi and removeKpi', () => {
    const t = createTestBoard();
    const stageId = t.stage('Awareness').id;
    const id = t.run('setKpi', { stageId, metric: 'Ad click-through', value: 1.2, unit: '%' });
    t.run('updateKpi', { kpiId: id, patch: { target: 2, previous: 0.9, direction: 'higher' } });
    const k = t.board().kpis[0]!;
    expect(k).toMatchObject({ metric: 'Ad click-through', value: 1.2, target: 2, previous: 0.9, unit: '%' });
    expect(kpiStatus(k)).toBe('missed');
    expect(kpiTrend(k)).toBe('up');
    t.run('updateKpi', { kpiId: id, patch: { value: null } });
    expect(t.board().kpis[0]!.value).toBeNull();
    t.run('removeKpi', { kpiId: id });
    expect(t.board().kpis).toEqual([]);
  });

  it('KPIs sort by stage, then presets first, then by name', () => {
    const t = createTestBoard();
    const a = t.stage('Awareness').id;
    const d = t.stage('Decision').id;
    t.run('setKpi', { stageId: d, metric: 'NPS', value: 10 });
    t.run('setKpi', { stageId: a, metric: 'Zeta', value: 1 });
    t.run('setKpi', { stageId: a, metric: 'alpha', value: 1 });
    t.run('setKpi', { stageId: a, metric: 'CSAT', value: 4 });
    expect(t.board().kpis.map((k) => k.metric)).toEqual(['CSAT', 'alpha', 'Zeta', 'NPS']);
  });

  it('value and target are separate keys: two people editing one KPI at once both keep their change', () => {
    const a = createTestBoard();
    const stageId = a.stage('Retention').id;
    const id = a.run('setKpi', { stageId, metric: 'Churn', value: 5, target: 4 });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(a.doc));
    a.run('updateKpi', { kpiId: id, patch: { value: 4.2 } });
    executeCommand(other, { id: 'u2', name: 'B', department: 'support' }, 'updateKpi', {
      kpiId: id,
      patch: { target: 3.5 },
    });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(other));
    for (const doc of [a.doc, other]) expect(readBoard(doc).kpis[0]).toMatchObject({ value: 4.2, target: 3.5 });
  });

  it('removing a stage removes its KPIs; undo brings both back', () => {
    const doc = createTestBoard().doc;
    const model = new BoardModel(doc, TEST_ACTOR);
    const stageId = readBoard(doc).stages[1]!.id;
    model.run('setKpi', { stageId, metric: 'NPS', value: 12 });
    model.run('removeStage', { stageId, decision: { notes: 'delete' } });
    expect(readBoard(doc).kpis).toEqual([]);
    expect(doc.getMap('records').has(kpiIdFor(stageId, 'NPS'))).toBe(false);
    model.undo();
    expect(readBoard(doc).kpis.map((k) => [k.stageId, k.metric, k.value])).toEqual([[stageId, 'NPS', 12]]);
  });

  it('a KPI whose stage is gone (removed concurrently) is kept in the document but not under any stage', () => {
    const t = createTestBoard();
    const id = t.run('setKpi', { stageId: t.stage('Advocacy').id, metric: 'NPS', value: 40 });
    t.doc.getMap('records').delete(t.stage('Advocacy').id);
    const board = t.board();
    expect(board.kpis.map((k) => k.id)).toEqual([id]);
    expect([...board.kpisByStage.values()].flat()).toEqual([]);
  });
});

describe('KPI records read tolerantly and are repaired by the server', () => {
  it('a malformed field reads as its default, the others stay', () => {
    const k = readKpi('kpi:x.csat', {
      stageId: 'stage:s',
      metric: 'CSAT',
      value: 'high',
      target: 4.5,
      unit: 7,
      direction: 'up',
      trend: 'sideways',
      previous: Infinity,
    });
    expect(k).toEqual({
      typeName: 'kpi',
      id: 'kpi:x.csat',
      stageId: 'stage:s',
      metric: 'CSAT',
      value: null,
      target: 4.5,
      previous: null,
      unit: '',
      direction: 'higher',
      trend: null,
      measuredAt: null,
      recent: [],
    });
  });

  it('recordRepair keeps a valid KPI and fixes each bad field on its own', () => {
    const t = createTestBoard();
    const id = t.run('setKpi', { stageId: t.stage('Awareness').id, metric: 'CSAT', value: 4, target: 4.5 });
    const rec = t.doc.getMap('records').get(id) as Y.Map<unknown>;
    expect(recordRepair(id, rec)).toEqual({ kind: 'ok' });
    t.doc.transact(() => {
      rec.set('value', 'NaN');
      rec.set('direction', 'better');
      rec.set('unit', 'x'.repeat(50));
      rec.set('stageId', 42);
    });
    const repair = recordRepair(id, rec);
    expect(repair).toMatchObject({
      kind: 'fix',
      set: { value: null, direction: 'higher', unit: 'x'.repeat(12), stageId: 'stage:missing' },
    });
    if (repair.kind === 'fix') expect(repair.set).not.toHaveProperty('target');
  });
});

describe('KPI CSV import', () => {
  const board = () => {
    const t = createTestBoard();
    t.run('setKpi', { stageId: t.stage('Decision').id, metric: 'Conversion', value: 2, target: 3 });
    return t;
  };

  it('good rows: stage matched case-insensitively, optional columns, decimal commas and percent signs', () => {
    const t = board();
    const csv =
      '\uFEFFStage,Metric,Value,Target,Unit\n awareness ,CSAT,4.2,4.5,\nDECISION,conversion,"2,8%",3,%\nRetention,Churn,5,,\n';
    const { rows, errors } = parseKpiCsv(csv, t.board());
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.stageName, r.input.metric, r.input.value, r.input.target, r.updates])).toEqual([
      [2, 'Awareness', 'CSAT', 4.2, 4.5, false],
      [3, 'Decision', 'conversion', 2.8, 3, true],
      [4, 'Retention', 'Churn', 5, undefined, false],
    ]);
    expect(rows[1]!.input.unit).toBe('%');
    expect(rows[2]!.input).not.toHaveProperty('target'); // an empty cell keeps the target as it is
    t.run('importKpis', { rows: rows.map((r) => r.input) });
    const kpis = t.board().kpis;
    expect(kpis.map((k) => [k.metric, k.value, k.target, k.unit, k.direction])).toEqual([
      ['CSAT', 4.2, 4.5, '/5', 'higher'],
      ['Conversion', 2.8, 3, '%', 'higher'],
      ['Churn', 5, null, '%', 'lower'],
    ]);
  });

  it('bad rows: each gets a clear error with its line, and nothing is applied from them', () => {
    const t = board();
    const csv = [
      'stage,metric,value,target',
      'Checkout,CSAT,4,5',
      'Awareness,,4,5',
      'Awareness,NPS,high,30',
      'Awareness,CES,3,lots',
      ',CSAT,4,5',
      'Awareness,NPS,',
      'Awareness,"unterminated,1,2',
    ].join('\n');
    const { rows, errors } = parseKpiCsv(csv, t.board());
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).toBe(
      'There is no stage named "Checkout" on this board (stages: Awareness, Consideration, Decision, Retention, Advocacy)',
    );
    expect(errors[1]!.message).toMatch(/metric is missing/);
    expect(errors[2]!.message).toBe('The value "high" is not a number');
    expect(errors[3]!.message).toBe('The target "lots" is not a number');
    expect(errors[4]!.message).toBe('The stage is missing');
    expect(errors[5]!.message).toBe('The value is missing');
    expect(errors[6]!.message).toMatch(/Could not read this line/);
  });

  it('mixed: good rows are kept, bad rows reported; applying is one undo step', () => {
    const doc = createTestBoard().doc;
    const model = new BoardModel(doc, TEST_ACTOR);
    const csv =
      'stage;metric;value;target\nAwareness;CSAT;4,1;4,5\nNowhere;NPS;10;20\nDecision;Conversion;3,2;3\nDecision;conversion;9;9\nAdvocacy;NPS;42;40;extra\n';
    const preview = parseKpiCsv(csv, readBoard(doc));
    expect(preview.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(preview.errors.map((e) => [e.line, e.message.slice(0, 28)])).toEqual([
      [3, 'There is no stage named "Now'],
      [5, 'conversion for Decision is a'],
      [6, 'This line has 5 cells but th'],
    ]);
    model.run('importKpis', { rows: preview.rows.map((r) => r.input) });
    expect(readBoard(doc).kpis.map((k) => [k.metric, k.value])).toEqual([
      ['CSAT', 4.1],
      ['Conversion', 3.2],
    ]);
    model.undo();
    expect(readBoard(doc).kpis).toEqual([]);
  });

  it('a file without the required columns, an empty file, a header only', () => {
    const b = createTestBoard().board();
    expect(parseKpiCsv('name,score\nAwareness,4', b).errors).toEqual([
      {
        line: 1,
        message:
          'The header row needs the columns "stage", "metric", "value" (found: name, score). Expected: stage,metric,value,target',
      },
    ]);
    expect(parseKpiCsv('  \n', b).errors[0]!.message).toMatch(/empty/);
    expect(parseKpiCsv('stage,metric,value\n', b).errors[0]!.message).toMatch(/no rows/);
  });

  it('two stages with one name make a row ambiguous rather than a guess', () => {
    const t = createTestBoard();
    t.run('addStage', { name: 'awareness' });
    const { errors } = parseKpiCsv('stage,metric,value\nAwareness,CSAT,4', t.board());
    expect(errors[0]!.message).toMatch(/2 stages are named "Awareness"/);
  });

  it('parseNumber accepts what spreadsheets write and refuses the rest', () => {
    expect(['4.2', '-12', '+3', '4,2', '35%', '1 234.5', '.5', '1e3'].map(parseNumber)).toEqual([
      4.2, -12, 3, 4.2, 35, 1234.5, 0.5, 1000,
    ]);
    expect(['', 'abc', '4.2.1', '1,234,5', 'NaN', 'Infinity', '0x10'].map(parseNumber)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
