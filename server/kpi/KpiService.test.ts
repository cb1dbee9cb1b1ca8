import { describe, expect, it } from 'vitest';
import { kpiIdFor, readBoard, type StageId } from '../../shared/index.ts';
import type { ApiErrorResponse } from '../../shared/protocol/http.ts';
import { LOCK_TYPE } from '../../shared/protocol/workshop.ts';
import {
  importMeasurementsPath,
  importMeasurementsResponseSchema,
  measurementListResponseSchema,
  measurementsPath,
  type ImportMeasurementsRequest,
} from '../../shared/protocol/kpiMeasurements.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { serverDatabases } from '../testing/serverDatabases.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const SERVERS = serverDatabases();

/** A template board on the server, a client watching it, its first stage, and a POST of measurements. */
async function boardOn(server: TestServer) {
  const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Checkout', template: 'ecommerce' });
  const watcher = await connectProvider(server.wsUrl, id);
  const stage = readBoard(watcher.document).stages[0]!;
  const post = (body: ImportMeasurementsRequest | Record<string, unknown>, token = tokens.editor) =>
    fetchAsPerson(`${server.url}${importMeasurementsPath(id)}`, token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const csat = kpiIdFor(stage.id as StageId, 'CSAT');
  return { id, tokens, watcher, stage, csat, kpisBefore: readBoard(watcher.document).kpis, post };
}

describe.each(SERVERS)('KPI measurements over HTTP on %s', (_name, options) => {
  it('preview, import, replay, read back: the board shows the latest point live and never a duplicate', async () => {
    const server = await startTestServer(options());
    try {
      const { id, tokens, watcher, stage, csat, kpisBefore, post } = await boardOn(server);
      const months = ['2026-01', '2026-02', '2026-03'].map((period, i) => ({
        period,
        value: 4 + i / 10,
        sampleSize: 100 + i,
        source: 'survey',
      }));
      const batch: ImportMeasurementsRequest = {
        kpis: [{ stageId: stage.id, metric: 'CSAT', target: 4.5, measurements: months }],
      };

      // The preview writes nothing, in the database or on the board.
      const preview = importMeasurementsResponseSchema.parse(await (await post({ ...batch, dryRun: true })).json());
      expect([preview.dryRun, preview.added, preview.replaced]).toEqual([true, 3, 0]);
      expect(readBoard(watcher.document).kpis).toEqual(kpisBefore);

      const res = await post(batch);
      expect(res.status).toBe(200);
      expect(importMeasurementsResponseSchema.parse(await res.json())).toMatchObject({ added: 3, replaced: 0 });
      // Another client sees the KPI created with the latest value, the one before and the sparkline.
      const kpi = await waitFor(() => readBoard(watcher.document).kpis.find((k) => k.id === csat && k.value === 4.2));
      expect([kpi.previous, kpi.target, kpi.measuredAt, kpi.recent.map((p) => p.value)]).toEqual([
        4.1,
        4.5,
        '2026-03',
        [4, 4.1, 4.2],
      ]);

      // A replay of the same batch with one value changed replaces, never duplicates.
      const replay = {
        kpis: [{ ...batch.kpis[0]!, measurements: [...months.slice(0, 2), { ...months[2]!, value: 3.8 }] }],
      };
      const again = importMeasurementsResponseSchema.parse(await (await post(replay)).json());
      expect([again.added, again.replaced, again.changes[2]!.replaces]).toEqual([0, 3, 4.2]);
      await waitFor(() => readBoard(watcher.document).kpis.find((k) => k.id === csat && k.value === 3.8));

      // A viewer reads the series; it is the whole history, oldest first.
      const list = await fetchAsPerson(`${server.url}${measurementsPath(id, csat)}`, tokens.viewer);
      const { measurements } = measurementListResponseSchema.parse(await list.json());
      expect(measurements).toEqual([...months.slice(0, 2), { ...months[2]!, value: 3.8 }]);
      watcher.destroy();
    } finally {
      await server.close();
    }
  });

  it('refuses viewers and commenters, bad input and unknown stages, and writes nothing then', async () => {
    const server = await startTestServer(options());
    try {
      const { id, tokens, watcher, stage, csat, kpisBefore, post } = await boardOn(server);
      const good = {
        stageId: stage.id,
        metric: 'CSAT',
        measurements: [{ period: '2026-01', value: 4, sampleSize: null, source: null }],
      };
      const error = async (res: Response) => [res.status, ((await res.json()) as ApiErrorResponse).error.code];

      expect(await error(await post({ kpis: [good] }, tokens.viewer))).toEqual([403, 'forbidden']);
      expect(await error(await post({ kpis: [good] }, tokens.commenter))).toEqual([403, 'forbidden']);
      const badPeriod = { ...good, measurements: [{ ...good.measurements[0], period: '14/03/2026' }] };
      const bad = await post({ kpis: [badPeriod] }, tokens.editor);
      expect(await error(bad.clone())).toEqual([400, 'invalid-request']);
      expect(((await bad.json()) as ApiErrorResponse).error.message).toMatch(
        /kpis.0.measurements.0.period: A period is/,
      );
      // A good KPI next to one of a stage the board does not have: nothing is written.
      const gone = { ...good, stageId: 'stage:nosuchstage00000' };
      expect(await error(await post({ kpis: [good, gone] }, tokens.facilitator))).toEqual([409, 'invalid-request']);
      const twice = { ...good, measurements: [good.measurements[0], good.measurements[0]] };
      expect(await error(await post({ kpis: [twice] }, tokens.facilitator))).toEqual([400, 'invalid-request']);
      const list = await fetchAsPerson(`${server.url}${measurementsPath(id, csat)}`, tokens.viewer);
      expect(measurementListResponseSchema.parse(await list.json()).measurements).toEqual([]);
      expect(readBoard(watcher.document).kpis).toEqual(kpisBefore);

      // Reading needs a link like every board route, and a KPI id.
      expect((await fetch(`${server.url}${measurementsPath(id, csat)}`)).status).toBe(401);
      const notKpi = await fetchAsPerson(`${server.url}${measurementsPath(id, 'note:x')}`, tokens.viewer);
      expect(await error(notKpi)).toEqual([400, 'invalid-request']);
      watcher.destroy();
    } finally {
      await server.close();
    }
  });

  it('a locked board refuses an editor’s import and takes the facilitator’s', async () => {
    const server = await startTestServer(options());
    try {
      const { id, tokens, watcher, stage, post } = await boardOn(server);
      await server.server.workshop.apply(id, { type: LOCK_TYPE, locked: true });
      const body = {
        kpis: [
          {
            stageId: stage.id,
            metric: 'CSAT',
            measurements: [{ period: '2026-01', value: 4, sampleSize: null, source: null }],
          },
        ],
      };
      const refused = await post(body, tokens.editor);
      expect([refused.status, ((await refused.json()) as ApiErrorResponse).error.message]).toEqual([
        403,
        'The facilitator has locked the board: only a facilitator can import now',
      ]);
      expect((await post(body, tokens.facilitator)).status).toBe(200);
      watcher.destroy();
    } finally {
      await server.close();
    }
  });
});
