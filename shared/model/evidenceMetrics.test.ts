import { describe, expect, it } from 'vitest';
import { ces, csat, evidenceMeasurements, nps, periodOfDay } from './evidenceMetrics.ts';

// Each expected value below is worked out by hand in its comment.
describe('survey metrics from raw scores', () => {
  it('CSAT counts 4 and 5 as satisfied and 3 as not (the boundary)', () => {
    // 3, 4, 4, 5, 2, 1, 3, 5: satisfied 4, 4, 5, 5 = 4 of 8 = 50 %.
    expect(csat([3, 4, 4, 5, 2, 1, 3, 5])).toBe(50);
    // Only the boundary on each side: 3 and 4 → 1 of 2.
    expect(csat([3, 4])).toBe(50);
    // 2 of 3 = 66.666… → 66.67.
    expect(csat([5, 4, 1])).toBe(66.67);
    expect(csat([3, 3, 3])).toBe(0);
    expect(csat([])).toBeNull();
  });

  it('NPS: 9 and 10 promote, 0 to 6 detract, 7 and 8 count in the total only (ties at each boundary)', () => {
    // 6, 7, 8, 9: promoters 1 (9), detractors 1 (6), of 4 → 25 − 25 = 0.
    expect(nps([6, 7, 8, 9])).toBe(0);
    // 10, 10, 9, 8, 7, 6, 0: promoters 3, detractors 2, of 7 → (3 − 2) / 7 = 14.285… → 14.29.
    expect(nps([10, 10, 9, 8, 7, 6, 0])).toBe(14.29);
    // Passives only: 0 promoters, 0 detractors → 0, not "no score".
    expect(nps([7, 8, 8])).toBe(0);
    expect(nps([0, 0])).toBe(-100);
    expect(nps([9])).toBe(100);
    expect(nps([])).toBeNull();
  });

  it('CES is the mean effort', () => {
    // (1 + 2 + 6) / 3 = 3.
    expect(ces([1, 2, 6])).toBe(3);
    // (2 + 3) / 2 = 2.5; (1 + 1 + 2) / 3 = 1.333… → 1.33.
    expect(ces([2, 3])).toBe(2.5);
    expect(ces([1, 1, 2])).toBe(1.33);
    expect(ces([])).toBeNull();
  });

  it('puts a day in its day, month or quarter', () => {
    expect(periodOfDay('2026-03-31', 'day')).toBe('2026-03-31');
    expect(periodOfDay('2026-03-31', 'month')).toBe('2026-03');
    expect(periodOfDay('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOfDay('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOfDay('2026-12-01', 'quarter')).toBe('2026-Q4');
  });

  it('one measurement per period with scores, oldest first; a period of comments only has none', () => {
    const responses = [
      { day: '2026-03-02', score: 9 },
      { day: '2026-01-15', score: 10 },
      { day: '2026-01-20', score: 6 },
      { day: '2026-01-31', score: 8 },
      { day: '2026-01-05', score: 9 },
      // February: a comment without a score, so no NPS for February (not 0).
      { day: '2026-02-10', score: null },
      { day: '2026-03-30', score: 3 },
    ];
    expect(evidenceMeasurements(responses, 'NPS', 'month', 'survey.csv')).toEqual([
      // January: 10 and 9 promote, 6 detracts, 8 passive → (2 − 1) / 4 = 25.
      { period: '2026-01', value: 25, sampleSize: 4, source: 'survey.csv' },
      // March: 9 promotes, 3 detracts → 0.
      { period: '2026-03', value: 0, sampleSize: 2, source: 'survey.csv' },
    ]);
    // The quarter holds all six scores: promoters 3 (10, 9, 9), detractors 2 (6, 3) → 1 / 6 = 16.666… → 16.67.
    expect(evidenceMeasurements(responses, 'NPS', 'quarter', null)).toEqual([
      { period: '2026-Q1', value: 16.67, sampleSize: 6, source: null },
    ]);
    // CSAT over days, on the scores read as 1–5 answers.
    const days = evidenceMeasurements(
      [
        { day: '2026-01-02', score: 4 },
        { day: '2026-01-02', score: 3 },
        { day: '2026-01-01', score: 5 },
      ],
      'CSAT',
      'day',
      null,
    );
    expect(days.map((m) => [m.period, m.value, m.sampleSize])).toEqual([
      ['2026-01-01', 100, 1],
      ['2026-01-02', 50, 2],
    ]);
    expect(evidenceMeasurements([], 'CES', 'month', null)).toEqual([]);
  });
});
