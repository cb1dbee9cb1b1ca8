import { describe, expect, it } from 'vitest';
import type { StageId } from '../schema/ids.ts';
import type { Stage } from '../schema/stage.ts';
import { type EvidenceOptions, parseEvidenceCsv } from './evidenceImport.ts';

const stage = (id: string, name: string): Stage => ({
  typeName: 'stage',
  id: id as StageId,
  name,
  index: 'a0',
  description: '',
});
const board = { stages: [stage('stage:checkout', 'Checkout'), stage('stage:delivery', 'Delivery')] };
const NPS: EvidenceOptions = {
  stageId: 'stage:checkout' as StageId,
  metric: 'NPS',
  granularity: 'month',
  source: 'survey.csv',
};

describe('parseEvidenceCsv', () => {
  it('reads responses with their stage (the file’s, or the row’s), day and score, and computes the metric per stage and month', () => {
    const csv = [
      'Comment;Rating;Submitted_at;Channel;Stage;Touchpoint',
      '"Card refused, twice";3;2026-01-14T09:12:00Z;email;;Payment page',
      'Fast and easy;10;2026-01-20;app;;',
      ';9;2026-02-01;app;;',
      'Parcel came late;2;2026-02-03 18:00;phone;delivery;Courier',
    ].join('\n');
    const preview = parseEvidenceCsv(csv, board, NPS);
    expect(preview.errors).toEqual([]);
    expect(preview.responses[0]).toEqual({
      line: 2,
      stageId: 'stage:checkout',
      text: 'Card refused, twice',
      score: 3,
      day: '2026-01-14',
      channel: 'email',
      touchpoint: 'Payment page',
    });
    expect(preview.responses.map((r) => [r.line, r.stageId, r.text])).toEqual([
      [2, 'stage:checkout', 'Card refused, twice'],
      [3, 'stage:checkout', 'Fast and easy'],
      [4, 'stage:checkout', ''],
      [5, 'stage:delivery', 'Parcel came late'],
    ]);
    expect(preview.kpis).toEqual([
      {
        stageId: 'stage:checkout',
        metric: 'NPS',
        unit: '',
        direction: 'higher',
        measurements: [
          // January: 3 detracts, 10 promotes → 0; February: 9 promotes → 100.
          { period: '2026-01', value: 0, sampleSize: 2, source: 'survey.csv' },
          { period: '2026-02', value: 100, sampleSize: 1, source: 'survey.csv' },
        ],
      },
      {
        stageId: 'stage:delivery',
        metric: 'NPS',
        unit: '',
        direction: 'higher',
        measurements: [{ period: '2026-02', value: -100, sampleSize: 1, source: 'survey.csv' }],
      },
    ]);
  });

  it('names every bad line, and gives nothing to import while there is one', () => {
    const csv = [
      'text,score,date,channel,stage',
      'Good,9,2026-01-02,email,',
      '=HYPERLINK("http://evil"),9,2026-01-02,email,',
      'Off the scale,11,2026-01-02,email,',
      'Half a point,7.5,2026-01-02,email,',
      'No day,9,14/01/2026,email,',
      'Wrong stage,9,2026-01-02,email,Returns',
      ',,2026-01-02,email,',
      'Sneaky channel,9,2026-01-02,@SUM(A1),',
    ].join('\n');
    const preview = parseEvidenceCsv(csv, board, NPS);
    expect(preview.responses).toEqual([]);
    expect(preview.kpis).toEqual([]);
    expect(preview.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(preview.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^The text "=HYPERLINK.*spreadsheet formula/),
      'The score "11" is not a whole number from 0 to 10 (NPS)',
      'The score "7.5" is not a whole number from 0 to 10 (NPS)',
      'The date "14/01/2026" is not a day such as 2026-03-14',
      'There is no stage named "Returns" on this board',
      'The row has neither a text nor a score',
      expect.stringMatching(/^The channel "@SUM.*spreadsheet formula/),
    ]);
  });

  it('refuses a file without the needed columns, and rows without a stage when the file has none', () => {
    expect(parseEvidenceCsv('comment,when\nx,2026-01-01', board, NPS).errors[0]!.message).toMatch(
      /needs the columns "score", "date"/,
    );
    const noStage = parseEvidenceCsv('text,score,date\nok,4,2026-01-01', board, {
      ...NPS,
      stageId: null,
      metric: 'CSAT',
    });
    expect(noStage.errors).toEqual([
      { line: 2, message: 'The row names no stage: choose a stage for the file, or fill the stage column' },
    ]);
    expect(parseEvidenceCsv('text,score,date\n', board, NPS).errors[0]!.message).toMatch(/no responses/);
  });
});
