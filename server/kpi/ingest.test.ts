import { describe, expect, it } from 'vitest';
import { kpiIdFor, readBoard, type StageId } from '../../shared/index.ts';
import type { ApiErrorResponse } from '../../shared/protocol/http.ts';
import {
  type IntegrationKeyCreated,
  type IntegrationKeyView,
  integrationKeyPath,
  integrationKeysPath,
} from '../../shared/protocol/integrationKeys.ts';
import {
  type ImportMeasurementsRequest,
  importMeasurementsPath,
  importMeasurementsResponseSchema,
  measurementListResponseSchema,
  measurementsPath,
} from '../../shared/protocol/kpiMeasurements.ts';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { serverDatabases } from '../testing/serverDatabases.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const SERVERS = serverDatabases();

/** A board with a watching client, and a facilitator who makes keys for it. */
async function boardOn(server: TestServer) {
  const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Checkout', template: 'ecommerce' });
  const watcher = await connectProvider(server.wsUrl, id);
  const board = readBoard(watcher.document);
  const makeKey = async (name = 'Nightly BI') => {
    const res = await fetchAsPerson(`${server.url}${integrationKeysPath(id)}`, tokens.facilitator, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as IntegrationKeyCreated;
  };
  return { id, tokens, watcher, board, makeKey };
}

/** What a job sends: its key and nothing else (no share link, no person). */
function ingest(server: TestServer, boardId: string, key: string, body: string, type = 'application/json', query = '') {
  return fetch(`${server.url}${importMeasurementsPath(boardId)}${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': type },
    body,
  });
}

const days = (count: number, from = Date.UTC(2000, 0, 1)) =>
  Array.from({ length: count }, (_, i) => new Date(from + i * 86_400_000).toISOString().slice(0, 10));

const errorOf = async (res: Response) => ((await res.json()) as ApiErrorResponse).error;

describe.each(SERVERS)('measurement ingest with an integration key on %s', (_name, options) => {
  const cleanups = cleanupsAfterEach();
  const start = async () => {
    const server = await startTestServer(options());
    cleanups.push(() => server.close());
    return server;
  };

  it('a job feeds the board with JSON and CSV; a replay replaces and never duplicates; the board shows the latest live', async () => {
    const server = await start();
    const { id, watcher, board, makeKey } = await boardOn(server);
    cleanups.push(() => watcher.destroy());
    const { secret } = await makeKey();
    const [first, second] = board.stages;
    const csat = kpiIdFor(first!.id as StageId, 'CSAT');

    const json: ImportMeasurementsRequest = {
      kpis: [
        {
          stageId: first!.id,
          metric: 'CSAT',
          measurements: [
            { period: '2026-01', value: 4.1, sampleSize: 200, source: 'BI nightly' },
            { period: '2026-02', value: 4.3, sampleSize: 180, source: 'BI nightly' },
          ],
        },
      ],
    };
    const res = await ingest(server, id, secret, JSON.stringify(json));
    expect(res.status).toBe(200);
    expect(importMeasurementsResponseSchema.parse(await res.json())).toMatchObject({ added: 2, replaced: 0 });
    await waitFor(() => readBoard(watcher.document).kpis.find((k) => k.id === csat && k.value === 4.3));

    // The same measurements as CSV, with stage names, plus a month: two replaced, one added.
    const csv = [
      'stage,metric,date,value,sample_size,source',
      `${first!.name},CSAT,2026-01,4.1,200,BI nightly`,
      `${first!.name},CSAT,2026-02,4.3,180,BI nightly`,
      `${second!.name},Conversion,2026-02,2.5,,BI nightly`,
    ].join('\n');
    const preview = await ingest(server, id, secret, csv, 'text/csv', '?dryRun=true');
    expect(importMeasurementsResponseSchema.parse(await preview.json())).toMatchObject({
      dryRun: true,
      added: 1,
      replaced: 2,
    });
    for (let replay = 0; replay < 2; replay++) {
      const sent = importMeasurementsResponseSchema.parse(
        await (await ingest(server, id, secret, csv, 'text/csv')).json(),
      );
      expect([sent.added, sent.replaced]).toEqual(replay === 0 ? [1, 2] : [0, 3]);
    }
    const conversion = kpiIdFor(second!.id as StageId, 'Conversion');
    await waitFor(() => readBoard(watcher.document).kpis.find((k) => k.id === conversion && k.value === 2.5));
    const read = await fetch(`${server.url}${measurementsPath(id, csat)}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    // A key sends measurements and does nothing else: not even read them back.
    expect(read.status).toBe(401);
  });

  it('refuses a revoked key, another board’s key, an unknown key and malformed bodies, and writes nothing', async () => {
    const server = await start();
    const { id, tokens, watcher, board, makeKey } = await boardOn(server);
    cleanups.push(() => watcher.destroy());
    const other = await boardOn(server);
    cleanups.push(() => other.watcher.destroy());
    const stage = board.stages[0]!;
    const csat = kpiIdFor(stage.id as StageId, 'CSAT');
    const body = JSON.stringify({
      kpis: [
        {
          stageId: stage.id,
          metric: 'CSAT',
          measurements: [{ period: '2026-01', value: 4, sampleSize: null, source: null }],
        },
      ],
    });
    const kept = await makeKey('kept');
    const revoked = await makeKey('revoked');
    const gone = await fetchAsPerson(`${server.url}${integrationKeyPath(id, revoked.key.id)}`, tokens.facilitator, {
      method: 'DELETE',
    });
    expect(gone.status).toBe(204);
    const res = await ingest(server, id, revoked.secret, body);
    expect([res.status, (await errorOf(res)).code]).toEqual([401, 'unauthorized']);
    const unknown = await ingest(server, id, `jbk_${'A'.repeat(43)}`, body);
    expect(unknown.status).toBe(401);
    const foreign = await ingest(server, id, (await other.makeKey()).secret, body);
    expect([foreign.status, (await errorOf(foreign)).message]).toEqual([
      403,
      'This integration key belongs to another board',
    ]);

    const badJson = await ingest(server, id, kept.secret, '{"kpis": [');
    expect([badJson.status, (await errorOf(badJson)).code]).toEqual([400, 'bad-json']);
    const badRows = await ingest(
      server,
      id,
      kept.secret,
      JSON.stringify({
        kpis: [
          {
            stageId: stage.id,
            metric: 'CSAT',
            measurements: [
              { period: '2026-01', value: 4, sampleSize: null, source: null },
              { period: '14/03/2026', value: 4, sampleSize: null, source: null },
              { period: '2026-03', value: 'high', sampleSize: null, source: null },
            ],
          },
        ],
      }),
    );
    const badRowsError = await errorOf(badRows);
    expect(badRows.status).toBe(400);
    expect(badRowsError.rows?.map((r) => r.path)).toEqual([
      'kpis.0.measurements.1.period',
      'kpis.0.measurements.2.value',
    ]);
    expect(badRowsError.message).toMatch(/^Nothing was imported\. kpis\.0\.measurements\.1\.period: A period is/);

    // A CSV with good lines and bad ones: every bad line named, nothing written.
    const csv = [
      'stage,metric,date,value,source',
      `${stage.name},CSAT,2026-01,4.2,survey`,
      `${stage.name},CSAT,2026-02,4.4,=HYPERLINK("http://evil")`,
      'Nowhere,CSAT,2026-02,4.4,survey',
      `${stage.name},CSAT,2026-13,4.4,survey`,
    ].join('\n');
    const badCsv = await ingest(server, id, kept.secret, csv, 'text/csv');
    const csvError = await errorOf(badCsv);
    expect(badCsv.status).toBe(400);
    expect(csvError.rows?.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(csvError.rows?.[0]?.message).toMatch(/spreadsheet formula/);
    expect(csvError.rows?.[1]?.message).toMatch(/no stage named "Nowhere"/);
    const undated = await ingest(server, id, kept.secret, `stage,metric,value\n${stage.name},CSAT,4`, 'text/csv');
    expect((await errorOf(undated)).message).toMatch(/add a "date" column/);
    // Another type than JSON or CSV is refused before anything is read.
    expect((await ingest(server, id, kept.secret, 'x', 'text/plain')).status).toBe(415);

    const list = await fetchAsPerson(`${server.url}${measurementsPath(id, csat)}`, tokens.viewer);
    expect(measurementListResponseSchema.parse(await list.json()).measurements).toEqual([]);
    expect(readBoard(watcher.document).kpis.find((k) => k.id === csat)).toBeUndefined();
  });

  it('takes 10,000 points in one request, and the same batch again leaves 10,000 (replaced, not duplicated)', async () => {
    const server = await start();
    const { id, tokens, watcher, board, makeKey } = await boardOn(server);
    cleanups.push(() => watcher.destroy());
    const { secret } = await makeKey();
    const stages = board.stages.slice(0, 4);
    const periods = days(2_500);
    const batch = JSON.stringify({
      kpis: stages.map((s) => ({
        stageId: s.id,
        metric: 'CES',
        measurements: periods.map((period, i) => ({ period, value: 2 + (i % 50) / 10, sampleSize: 40, source: 'BI' })),
      })),
    });
    expect(stages).toHaveLength(4);
    for (const [added, replaced] of [
      [10_000, 0],
      [0, 10_000],
    ]) {
      const res = await ingest(server, id, secret, batch);
      expect(res.status).toBe(200);
      expect(importMeasurementsResponseSchema.parse(await res.json())).toMatchObject({ added, replaced });
    }
    for (const s of stages) {
      const res = await fetchAsPerson(
        `${server.url}${measurementsPath(id, kpiIdFor(s.id as StageId, 'CES'))}`,
        tokens.viewer,
      );
      const { measurements } = measurementListResponseSchema.parse(await res.json());
      expect(measurements.map((m) => m.period)).toEqual(periods);
    }
    // The board holds the latest point and a short sparkline, never the 2,500 points.
    const ces = await waitFor(() =>
      readBoard(watcher.document).kpis.find((k) => k.id === kpiIdFor(stages[0]!.id as StageId, 'CES')),
    );
    expect([ces.measuredAt, ces.recent.length]).toEqual([periods.at(-1), 30]);
  });

  it('rate-limits each key: past its burst a key gets 429 with Retry-After, another key of the board still works', async () => {
    const server = await start();
    const { id, watcher, board, makeKey } = await boardOn(server);
    cleanups.push(() => watcher.destroy());
    const busy = await makeKey('busy');
    const calm = await makeKey('calm');
    const csv = `stage,metric,date,value\n${board.stages[0]!.name},CSAT,2026-01,4\n`;
    let refused: Response | null = null;
    for (let i = 0; i < 100 && !refused; i++) {
      const res = await ingest(server, id, busy.secret, csv, 'text/csv', '?dryRun=true');
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused).not.toBeNull();
    expect((await errorOf(refused!)).code).toBe('rate-limited');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ingest(server, id, calm.secret, csv, 'text/csv', '?dryRun=true')).status).toBe(200);
  });

  it('keys: only a facilitator makes, lists and revokes them; the key is shown once, its use is recorded', async () => {
    const server = await start();
    const { id, tokens, watcher, board, makeKey } = await boardOn(server);
    cleanups.push(() => watcher.destroy());
    const { key, secret } = await makeKey('Nightly BI');
    expect(secret).toMatch(/^jbk_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const list = async () =>
      (await (
        await fetchAsPerson(`${server.url}${integrationKeysPath(id)}`, tokens.facilitator)
      ).json()) as IntegrationKeyView[];
    expect(await list()).toEqual([key]);
    expect(JSON.stringify(await list())).not.toContain(secret.slice(key.prefix.length));
    await ingest(server, id, secret, `stage,metric,date,value\n${board.stages[0]!.name},CSAT,2026-01,4\n`, 'text/csv');
    expect((await list())[0]!.lastUsedAt).not.toBeNull();

    for (const role of ['editor', 'commenter', 'viewer'] as const) {
      expect((await fetchAsPerson(`${server.url}${integrationKeysPath(id)}`, tokens[role])).status, role).toBe(403);
      const made = await fetchAsPerson(`${server.url}${integrationKeysPath(id)}`, tokens[role], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'mine' }),
      });
      expect(made.status, role).toBe(403);
      const revoke = await fetchAsPerson(`${server.url}${integrationKeyPath(id, key.id)}`, tokens[role], {
        method: 'DELETE',
      });
      expect(revoke.status, role).toBe(403);
    }
    // A key is not a share link: it opens no board route but the ingest.
    expect(
      (await fetch(`${server.url}${integrationKeysPath(id)}`, { headers: { authorization: `Bearer ${secret}` } }))
        .status,
    ).toBe(401);
    const unnamed = await fetchAsPerson(`${server.url}${integrationKeysPath(id)}`, tokens.facilitator, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '  ' }),
    });
    expect([unnamed.status, (await errorOf(unnamed)).message]).toEqual([400, expect.stringMatching(/Name the key/)]);
  });
});
