import { describe, expect, it } from 'vitest';
import type { KpiId, NoteId, StageId } from '../schema/ids.ts';
import type { KpiPoint } from '../schema/kpiSeries.ts';
import type { Note } from '../schema/note.ts';
import { actionMarkers } from './actionMarkers.ts';
import { actionOutcome, kpiOutcome, periodEnd } from './actionOutcome.ts';

const csat = { id: 'kpi:s.csat' as KpiId, metric: 'CSAT', unit: '/5', direction: 'higher' as const };
const ces = { id: 'kpi:s.ces' as KpiId, metric: 'CES', unit: '/7', direction: 'lower' as const };
const monthly = (values: Record<string, number>): KpiPoint[] =>
  Object.entries(values).map(([period, value]) => ({ period, value }));
/** Done on 15 April 2026 at noon, UTC. */
const DONE = Date.UTC(2026, 3, 15, 12);

describe('Did it work? before and after an action was done', () => {
  it('periods end where the next one starts: a day, a month (also December), a quarter', () => {
    expect(periodEnd('2026-04-15')).toBe(Date.UTC(2026, 3, 16));
    expect(periodEnd('2026-12')).toBe(Date.UTC(2027, 0, 1));
    expect(periodEnd('2026-Q2')).toBe(Date.UTC(2026, 6, 1));
    expect(periodEnd('April')).toBeNull();
  });

  it('means of the N months before and after; the month it was done in counts for neither', () => {
    // Before: Jan 3.6, Feb 3.8, Mar 4.0 (Dec 3.0 falls outside a window of 3) → mean 3.8.
    // April holds the moment of "done": left out. After: May 4.2, Jun 4.4, Jul 4.6 → mean 4.4.
    const series = monthly({
      '2025-12': 3.0,
      '2026-01': 3.6,
      '2026-02': 3.8,
      '2026-03': 4.0,
      '2026-04': 1.0,
      '2026-05': 4.2,
      '2026-06': 4.4,
      '2026-07': 4.6,
      '2026-08': 5.0,
    });
    const o = kpiOutcome(csat, series, DONE, { window: 3, minPoints: 2 });
    expect(o.before).toEqual({ mean: expect.closeTo(3.8, 9), points: 3, from: '2026-01', to: '2026-03' });
    expect(o.after).toEqual({ mean: expect.closeTo(4.4, 9), points: 3, from: '2026-05', to: '2026-07' });
    expect(o.change).toBeCloseTo(0.6, 9);
    expect(o.verdict).toBe('better');
    expect(o.statement).toBe('CSAT: 3.8/5 before (3 points) → 4.4/5 after (3 points), +0.6, better');
  });

  it('a lower-is-better KPI that went down got better; one that went up got worse', () => {
    // Days: before 5, 6 (mean 5.5); the 15th is the day of done; after 4, 3 (mean 3.5): −2.
    const series = monthly({ '2026-04-13': 5, '2026-04-14': 6, '2026-04-15': 9, '2026-04-16': 4, '2026-04-17': 3 });
    const down = kpiOutcome(ces, series, DONE, { window: 5, minPoints: 2 });
    expect([down.before.mean, down.after.mean, down.change, down.verdict]).toEqual([5.5, 3.5, -2, 'better']);
    expect(down.statement).toBe('CES: 5.5/7 before (2 points) → 3.5/7 after (2 points), −2, better');
    const up = kpiOutcome({ ...csat, unit: '' }, series, DONE, { window: 5, minPoints: 2 });
    expect(up.verdict).toBe('worse');
  });

  it('the same mean on both sides is unchanged', () => {
    const series = monthly({ '2026-02': 4, '2026-03': 2, '2026-05': 3, '2026-06': 3 });
    const o = kpiOutcome(csat, series, DONE, { window: 3, minPoints: 2 });
    expect([o.change, o.verdict]).toEqual([0, 'unchanged']);
  });

  it('fewer points than asked on a side: a plain statement, no number', () => {
    // Two months before, one after: a window of 3 with a minimum of 2 cannot say.
    const series = monthly({ '2026-02': 4, '2026-03': 4.1, '2026-05': 4.5 });
    const o = kpiOutcome(csat, series, DONE, { window: 3, minPoints: 2 });
    expect(o.before.points).toBe(2);
    expect(o.after).toEqual({ mean: 4.5, points: 1, from: '2026-05', to: '2026-05' });
    expect([o.change, o.verdict]).toEqual([null, 'too-little-data']);
    expect(o.statement).toBe('CSAT: too little data to say (2 points before, 1 point after; needs 2 on each side)');
    const none = kpiOutcome(csat, [], DONE);
    expect(none.before).toEqual({ mean: null, points: 0, from: null, to: null });
    expect(none.verdict).toBe('too-little-data');
  });

  it('a quarter is on the side it lies wholly on', () => {
    // Q1 ends 1 April (before the 15th), Q2 holds the 15th (neither), Q3 starts after.
    const series = monthly({ '2026-Q1': 10, '2026-Q2': 99, '2026-Q3': 20 });
    const o = kpiOutcome(csat, series, DONE, { window: 1, minPoints: 1 });
    expect([o.before.mean, o.after.mean, o.change]).toEqual([10, 20, 10]);
  });

  it('an action: one comparison per KPI of its stage; not done, no date or no KPI is said plainly', () => {
    const stageId = 'stage:s' as StageId;
    const note = {
      id: 'note:a' as NoteId,
      position: { stageId, laneId: 'lane:l' as never, index: 'a0' },
      action: {
        owner: '',
        status: 'done' as const,
        due: null,
        openedAt: 1,
        startedAt: null,
        doneAt: DONE,
        issueUrl: null,
      },
    };
    const kpis = [
      { ...csat, stageId },
      { ...ces, stageId },
      { ...csat, id: 'kpi:other.csat' as KpiId, stageId: 'stage:other' as StageId },
    ];
    const series = new Map<KpiId, KpiPoint[]>([
      [csat.id, monthly({ '2026-02': 3, '2026-03': 4, '2026-05': 5, '2026-06': 5 })],
    ]);
    const o = actionOutcome(note, kpis, (id) => series.get(id) ?? [], { window: 3, minPoints: 2 })!;
    expect(o.kpis.map((k) => [k.metric, k.verdict])).toEqual([
      ['CSAT', 'better'],
      ['CES', 'too-little-data'],
    ]);
    expect(o.statement).toBe(
      'CSAT: 3.5/5 before (2 points) → 5/5 after (2 points), +1.5, better; CES: too little data to say (0 points before, 0 points after; needs 2 on each side)',
    );
    expect(actionOutcome({ ...note, action: { ...note.action, status: 'in-progress' } }, kpis, () => [])).toBeNull();
    expect(actionOutcome({ ...note, action: null }, kpis, () => [])).toBeNull();
    expect(actionOutcome({ ...note, action: { ...note.action, doneAt: null } }, kpis, () => [])?.statement).toBe(
      'Marked done before Journeyboard kept the date: no before/after',
    );
    expect(actionOutcome(note, [], () => [])?.statement).toBe('No KPI on this stage to compare');
  });
});

describe('action markers for a stage KPI chart', () => {
  it('every dated step of the stage’s actions, oldest first; undated steps and other stages left out', () => {
    const note = (id: string, stageId: string, action: Partial<NonNullable<Note['action']>> | null) => ({
      id: id as NoteId,
      text: id,
      position: { stageId: stageId as StageId, laneId: 'lane:l' as never, index: 'a0' },
      action: action && {
        owner: '',
        status: 'open' as const,
        due: null,
        openedAt: null,
        startedAt: null,
        doneAt: null,
        issueUrl: null,
        ...action,
      },
    });
    const markers = actionMarkers(
      [
        note('note:b', 'stage:s', { status: 'done', openedAt: 10, startedAt: 30, doneAt: 50 }),
        note('note:a', 'stage:s', { openedAt: 20 }),
        note('note:old', 'stage:s', { status: 'done' }),
        note('note:other', 'stage:t', { openedAt: 5 }),
        note('note:plain', 'stage:s', null),
      ],
      'stage:s' as StageId,
    );
    expect(markers.map((m) => `${m.noteId} ${m.event} ${m.at}`)).toEqual([
      'note:b opened 10',
      'note:a opened 20',
      'note:b started 30',
      'note:b done 50',
    ]);
  });
});
