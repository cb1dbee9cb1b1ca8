import { describe, expect, it } from 'vitest';
import { kpiIdFor, readBoard, type StageId } from '../../shared/index.ts';
import {
  type EvidenceImportRequest,
  evidenceImportResponseSchema,
  evidencePath,
  verbatimListResponseSchema,
  verbatimsPath,
} from '../../shared/protocol/evidence.ts';
import type { ApiErrorResponse } from '../../shared/protocol/http.ts';
import {
  importMeasurementsPath,
  measurementListResponseSchema,
  measurementsPath,
} from '../../shared/protocol/kpiMeasurements.ts';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { serverDatabases } from '../testing/serverDatabases.ts';
import { createBoardWithLinks, startTestServer } from '../testing/testServer.ts';

const SERVERS = serverDatabases();

const SURVEY = [
  'text,score,date,channel,touchpoint',
  '"Card refused, twice",3,2026-01-14,email,Payment page',
  'Fast and easy,10,2026-01-20,app,',
  ',9,2026-02-01,app,',
  'Loved the tracking,9,2026-02-03,email,',
].join('\n');

describe.each(SERVERS)('evidence import on %s', (_name, options) => {
  const cleanups = cleanupsAfterEach();
  const setUp = async () => {
    const server = await startTestServer(options());
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Checkout', template: 'ecommerce' });
    const watcher = await connectProvider(server.wsUrl, id);
    cleanups.push(() => watcher.destroy());
    const stage = readBoard(watcher.document).stages[0]!;
    const post = (body: EvidenceImportRequest, token = tokens.editor) =>
      fetchAsPerson(`${server.url}${evidencePath(id)}`, token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const verbatims = async () =>
      verbatimListResponseSchema.parse(
        await (await fetchAsPerson(`${server.url}${verbatimsPath(id, stage.id)}`, tokens.viewer)).json(),
      ).verbatims;
    const series = async (metric: string) =>
      measurementListResponseSchema.parse(
        await (
          await fetchAsPerson(
            `${server.url}${measurementsPath(id, kpiIdFor(stage.id as StageId, metric))}`,
            tokens.viewer,
          )
        ).json(),
      ).measurements;
    const postMeasurements = (body: string, type: 'application/json' | 'text/csv') =>
      fetchAsPerson(`${server.url}${importMeasurementsPath(id)}`, tokens.facilitator, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    return { id, tokens, watcher, stage, post, postMeasurements, verbatims, series };
  };

  it('previews, then writes NPS per month and the verbatims; the same file again duplicates nothing', async () => {
    const { watcher, stage, post, verbatims, series } = await setUp();
    const request: EvidenceImportRequest = { stageId: stage.id, metric: 'NPS', source: 'survey.csv', csv: SURVEY };
    const preview = evidenceImportResponseSchema.parse(await (await post({ ...request, dryRun: true })).json());
    // January: 3 detracts, 10 promotes → 0 of 2; February: 9 and 9 → 100.
    expect(preview.measurements.map((m) => [m.period, m.value, m.sampleSize, m.replaces])).toEqual([
      ['2026-01', 0, 2, null],
      ['2026-02', 100, 2, null],
    ]);
    expect([preview.responses, preview.verbatims]).toEqual([4, 3]);
    expect(await series('NPS')).toEqual([]);
    expect(await verbatims()).toEqual([]);

    for (const replaces of [null, 100]) {
      const res = await post(request);
      expect(res.status).toBe(200);
      const written = evidenceImportResponseSchema.parse(await res.json());
      expect(written.measurements.at(-1)!.replaces).toBe(replaces);
    }
    expect((await series('NPS')).map((m) => [m.period, m.value, m.sampleSize, m.source])).toEqual([
      ['2026-01', 0, 2, 'survey.csv'],
      ['2026-02', 100, 2, 'survey.csv'],
    ]);
    const kept = await verbatims();
    expect(kept.map((v) => [v.text, v.day, v.line, v.channel, v.touchpoint, v.source])).toEqual([
      ['Loved the tracking', '2026-02-03', 5, 'email', null, 'survey.csv'],
      ['Fast and easy', '2026-01-20', 3, 'app', null, 'survey.csv'],
      ['Card refused, twice', '2026-01-14', 2, 'email', 'Payment page', 'survey.csv'],
    ]);
    const nps = await waitFor(() =>
      readBoard(watcher.document).kpis.find((k) => k.id === kpiIdFor(stage.id as StageId, 'NPS') && k.value === 100),
    );
    expect([nps.previous, nps.measuredAt]).toEqual([0, '2026-02']);
  });

  it('refuses a file with a bad line, listing each, and writes neither measurements nor verbatims; viewers cannot import', async () => {
    const { tokens, stage, post, verbatims, series } = await setUp();
    const csv = `${SURVEY}\n=cmd|' /C calc'!A0,9,2026-02-04,email,\nOff scale,6,2026-02-05,email,`;
    const res = await post({ stageId: stage.id, metric: 'CSAT', csv });
    const error = ((await res.json()) as ApiErrorResponse).error;
    expect(res.status).toBe(400);
    // CSAT is 1–5: the 9s and 10 of an NPS file are off its scale, and line 6 is a formula.
    expect(error.rows?.map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
    expect(error.rows?.find((r) => r.line === 6)?.message).toMatch(/spreadsheet formula/);
    expect(await series('CSAT')).toEqual([]);
    expect(await verbatims()).toEqual([]);
    const viewer = await post({ stageId: stage.id, metric: 'NPS', csv: SURVEY }, tokens.viewer);
    expect(viewer.status).toBe(403);
    const gone = await post({ stageId: 'stage:nosuchstage00000' as StageId, metric: 'NPS', csv: SURVEY });
    expect(gone.status).toBe(409);
  });

  it('a CSAT series holds one unit: a survey’s CSAT in % is refused, per line, on a stage whose CSAT is measured in /5, and /5 points on a % series too', async () => {
    const { stage, post, postMeasurements, verbatims, series } = await setUp();
    const mean = {
      stageId: stage.id,
      metric: 'CSAT',
      unit: '/5',
      measurements: [{ period: '2026-01', value: 3.9, sampleSize: null, source: null }],
    };
    expect((await postMeasurements(JSON.stringify({ kpis: [mean] }), 'application/json')).status).toBe(200);
    const survey = [
      'text,score,date',
      'Great,5,2026-02-03',
      ',4,2026-02-04',
      'Slow,2,2026-03-01',
      'No score,,2026-03-02',
    ];
    const res = await post({ stageId: stage.id, metric: 'CSAT', csv: survey.join('\n') });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as ApiErrorResponse).error;
    // Each scored response is named (a comment without a score makes no point); nothing is written.
    expect(error.rows?.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(error.rows?.[0]?.message).toMatch(/^CSAT on this stage has measurements in "\/5", these are in "%"/);
    expect((await series('CSAT')).map((m) => [m.period, m.value])).toEqual([['2026-01', 3.9]]);
    expect(await verbatims()).toEqual([]);

    // The other way: a nightly job's /5 CSV line and JSON KPI on a stage whose CSAT is the survey's %.
    const pct = {
      ...mean,
      metric: 'Checkout CSAT',
      unit: '%',
      measurements: [{ period: '2026-01', value: 72, sampleSize: null, source: null }],
    };
    expect((await postMeasurements(JSON.stringify({ kpis: [pct] }), 'application/json')).status).toBe(200);
    const json = await postMeasurements(
      JSON.stringify({
        kpis: [
          mean,
          { ...pct, unit: '/5', measurements: [{ period: '2026-02', value: 4.1, sampleSize: null, source: null }] },
        ],
      }),
      'application/json',
    );
    expect(json.status).toBe(400);
    expect(((await json.json()) as ApiErrorResponse).error.rows).toEqual([
      {
        path: 'kpis.1.unit',
        message: expect.stringMatching(/^Checkout CSAT on this stage has measurements in "%", these are in "\/5"/),
      },
    ]);
    const csv = `stage,metric,date,value,unit\n${stage.name},Checkout CSAT,2026-03,4.2,/5\n`;
    const refused = await postMeasurements(csv, 'text/csv');
    expect(((await refused.json()) as ApiErrorResponse).error.rows?.map((r) => r.line)).toEqual([2]);
    expect((await series('Checkout CSAT')).map((m) => m.value)).toEqual([72]);
    // Without a unit the points join the series in its unit.
    const plain = await postMeasurements(
      `stage,metric,date,value\n${stage.name},Checkout CSAT,2026-02,74\n`,
      'text/csv',
    );
    expect(plain.status).toBe(200);
    expect((await series('Checkout CSAT')).map((m) => m.value)).toEqual([72, 74]);
  });

  it('keeps the newest 300 verbatims of a stage', async () => {
    const { stage, post, verbatims } = await setUp();
    const rows = Array.from({ length: 310 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return `Response ${i},4,${day},web`;
    });
    const res = await post({ stageId: stage.id, metric: 'CSAT', csv: ['text,score,date,channel', ...rows].join('\n') });
    expect(res.status).toBe(200);
    const kept = await verbatims();
    expect(kept).toHaveLength(300);
    expect([kept[0]!.text, kept.at(-1)!.text]).toEqual(['Response 309', 'Response 10']);
  });
});
