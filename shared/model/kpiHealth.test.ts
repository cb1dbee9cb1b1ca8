import { describe, expect, it } from 'vitest';
import type { KpiId, StageId } from '../schema/ids.ts';
import { KPI_DEFAULTS, type Kpi } from '../schema/kpi.ts';
import type { Stage } from '../schema/stage.ts';
import { journeyHealth, kpiHealth, slidingPainPoints } from './kpiHealth.ts';

const stage = (id: string, name: string): Stage => ({
  typeName: 'stage',
  id: id as StageId,
  name,
  index: 'a0',
  description: '',
});
/** A KPI whose mirrored points are `values` (one a month from January), the last being its value. */
function kpi(stageId: string, metric: string, values: number[], fields: Partial<Kpi> = {}): Kpi {
  return {
    ...KPI_DEFAULTS,
    typeName: 'kpi',
    id: `kpi:${stageId.slice(6)}.${metric.toLowerCase()}` as KpiId,
    stageId: stageId as StageId,
    metric,
    value: values.at(-1) ?? null,
    previous: values.at(-2) ?? null,
    measuredAt: null,
    recent: values.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value })),
    ...fields,
  };
}

describe('journey health', () => {
  it('trend is the change over the window: the last value minus the first one in it', () => {
    // Window 3 over 5, 4.6, 4.4, 4.0: from 4.6 to 4.0 is −0.6, worse for higher-is-better.
    const h = kpiHealth(kpi('stage:a', 'CSAT', [5, 4.6, 4.4, 4.0], { target: 4.5 }), 'A', 3);
    expect(h.change).toBeCloseTo(-0.6, 9);
    // Shortfall 0.5 is more than 10 % of the target (0.45): missed, not near.
    expect([h.points, h.trend, h.status, h.sliding]).toEqual([3, 'worsening', 'missed', true]);
    // Urgency: shortfall 0.5 plus worsening 0.6, over |target| 4.5.
    expect(h.urgency).toBeCloseTo(1.1 / 4.5, 9);
  });

  it('lower is better: effort going up is worsening; a change within 1 % of the target is flat', () => {
    const up = kpiHealth(kpi('stage:a', 'CES', [3, 3.5, 4], { target: 3, direction: 'lower' }), 'A', 3);
    expect([up.trend, up.status, up.sliding]).toEqual(['worsening', 'missed', true]);
    const flat = kpiHealth(kpi('stage:a', 'NPS', [40, 39.7], { target: 50 }), 'A', 6);
    expect([flat.trend, flat.sliding]).toEqual(['flat', false]);
  });

  it('on target is never sliding, even when worsening; one point has no trend', () => {
    const met = kpiHealth(kpi('stage:a', 'CSAT', [4.9, 4.6], { target: 4.5 }), 'A', 3);
    expect([met.status, met.trend, met.sliding, met.urgency]).toEqual(['met', 'worsening', false, 0]);
    const one = kpiHealth(kpi('stage:a', 'CSAT', [3], { target: 4.5, previous: null }), 'A', 3);
    expect([one.change, one.trend, one.sliding]).toEqual([null, 'unknown', false]);
  });

  it('a KPI typed by hand, with no series, trends from its previous value to its value', () => {
    const typed = kpiHealth(kpi('stage:a', 'Conversion', [], { value: 3.1, previous: 3.4, target: 4 }), 'A', 6);
    expect(typed.change).toBeCloseTo(-0.3, 9);
    expect([typed.points, typed.trend, typed.status, typed.sliding]).toEqual([2, 'worsening', 'missed', true]);
  });

  it('sliding first, most urgent first; stages with a sliding KPI by their worst one; removed stages left out', () => {
    const board = {
      stages: [stage('stage:a', 'Awareness'), stage('stage:b', 'Checkout'), stage('stage:c', 'Support')],
      kpis: [
        kpi('stage:a', 'CSAT', [4.4, 4.3], { target: 4.5 }), // near, slightly worse: urgency (0.2 + 0.1)/4.5
        kpi('stage:b', 'Conversion', [30, 20], { target: 40 }), // missed, much worse: (20 + 10)/40
        kpi('stage:b', 'NPS', [10, 20], { target: 40 }), // missed but improving: not sliding
        kpi('stage:c', 'CSAT', [4.8, 4.9], { target: 4.5 }), // met
        kpi('stage:gone', 'CSAT', [1, 0], { target: 4 }),
      ],
    };
    const h = journeyHealth(board, 6);
    expect(h.kpis.map((k) => `${k.stage} ${k.metric}`)).toEqual([
      'Checkout Conversion',
      'Awareness CSAT',
      'Checkout NPS',
      'Support CSAT',
    ]);
    expect(h.slidingStages.map((s) => [s.stage, s.sliding.map((k) => k.metric)])).toEqual([
      ['Checkout', ['Conversion']],
      ['Awareness', ['CSAT']],
    ]);
    expect(h.slidingStages[0]!.urgency).toBeCloseTo(0.75, 9);
    const note = (id: string, kind: string, stageId: string) => ({
      id: id as never,
      kind,
      position: { stageId: stageId as StageId },
    });
    const notes = [
      note('note:1', 'pain', 'stage:c'),
      note('note:2', 'pain', 'stage:a'),
      note('note:3', 'idea', 'stage:b'),
      note('note:4', 'pain', 'stage:b'),
    ];
    expect(slidingPainPoints(notes, h)).toEqual(['note:2', 'note:4']);
  });
});
