/**
 * `npm run bench -- kpi-history [--repeats 5]`: does five years of KPI history make a board slower
 * to open? Three e-commerce boards on one `server/main.ts` (SQLite), each with the same 50 KPIs:
 * one with 1,800 daily measurements per KPI (90,000, fed through the ingest route in batches of
 * 10,000 as a nightly job would), one with the last 30 days (as many as the board mirrors for the
 * sparkline), one with only the latest. Each repeat restarts the server and opens the boards cold,
 * each first in turn: the time from connecting to synced (the
 * server reads the board from storage and sends it), the document's size, and the board download
 * (GET /api/boards/:id/state, what the page fetches first). For the history board also the read of
 * one KPI's whole series, which the chart does when opened.
 *
 * A fourth board gets the same 50 KPIs the way a nightly job feeds them: one request per night of
 * one point per KPI (`nights` of them). Each request rewrites the mirror of all 50 KPIs, and every
 * key a mirror overwrites stays in the document as a tombstone, so this board shows what a
 * history fed for years costs, which the three boards fed in a few big requests do not.
 * Each board's document work (what the server decodes and encodes to open it) is also timed in this
 * process, every board in turn: less noisy than the cold opens on a loaded machine.
 * `root`: the server of another checkout (e.g. main's, with its node_modules) instead of this one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { boardStatePath } from '../../shared/protocol/boardState.ts';
import { CREDENTIAL_HEADER } from '../../shared/protocol/credentials.ts';
import { encodeConnectionToken } from '../../shared/protocol/identity.ts';
import { importMeasurementsPath, measurementsPath } from '../../shared/protocol/kpiMeasurements.ts';
import { KPI_SERIES_LIMITS } from '../../shared/schema/kpiSeries.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import { boardCallHeaders } from '../../server/testing/identities.ts';
import { integrationKeysPath } from '../../shared/protocol/integrationKeys.ts';
import { boardWithKey } from '../ingest/run.ts';
import { median, round, table } from '../stats.ts';
import { Participant } from '../sync/participants.ts';
import { startJourneyboard, type Target } from '../sync/targets.ts';

const KPIS = 50;
const DAYS = 1_800;
const PER_REQUEST = 10_000;

interface Board {
  readonly name: string;
  readonly id: string;
  readonly token: string;
  readonly points: number;
}

/** The `stage,metric,date,value,…` line of KPI k's day d. */
function line(stages: readonly string[], k: number, d: number): string {
  const date = new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  return `${stages[k % stages.length]},Metric ${k},${date},${(3 + ((d * 7 + k) % 20) / 10).toFixed(1)},120,BI nightly`;
}

/** KPI k's lines for its days from `from` (inclusive). */
function lines(stages: readonly string[], k: number, from: number): string[] {
  return Array.from({ length: DAYS - from }, (_, i) => line(stages, k, from + i));
}

/** Sends the lines in batches of 10,000, waiting out the key's rate limit as a nightly job would. */
async function ingest(url: string, key: string, all: readonly string[]): Promise<void> {
  for (let i = 0; i < all.length; ) {
    const body = `stage,metric,date,value,sample_size,source\n${all.slice(i, i + PER_REQUEST).join('\n')}\n`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body,
    });
    if (res.status === 429) {
      await new Promise((ok) => setTimeout(ok, 1000 * Number(res.headers.get('retry-after') ?? 2)));
      continue;
    }
    if (res.status !== 200) throw new Error(`ingest: ${res.status} ${(await res.text()).slice(0, 300)}`);
    i += PER_REQUEST;
  }
}

/** One request per night, one point per KPI, as a nightly job sends them; a fresh key each 25 nights (the key's burst). */
async function nightly(base: string, stages: readonly string[], nights: number) {
  const { board, secret } = await boardWithKey(base);
  const headers = { ...(await boardCallHeaders(base, board.id, board.token)), 'content-type': 'application/json' };
  let key = secret;
  for (let d = DAYS - nights; d < DAYS; d++) {
    if ((d - (DAYS - nights)) % 25 === 24) {
      const made = await fetch(`${base}${integrationKeysPath(board.id)}`, {
        method: 'POST',
        headers,
        body: '{"name":"Bench"}',
      });
      key = ((await made.json()) as { secret: string }).secret;
    }
    const night = Array.from({ length: KPIS }, (_, k) => line(stages, k, d));
    await ingest(`${base}${importMeasurementsPath(board.id)}`, key, night);
  }
  return { name: `same 50 KPIs fed nightly, ${nights} nights`, ...board, points: KPIS * nights };
}

async function open(target: Target, board: Board) {
  const base = new URL(target.httpUrl!).origin;
  const headers = await boardCallHeaders(base, board.id, board.token);
  const token = encodeConnectionToken({ link: board.token, credential: headers[CREDENTIAL_HEADER] ?? null });
  const p = new Participant(0);
  const t0 = performance.now();
  await p.connect(target, board.id, token);
  const openMs = performance.now() - t0;
  const docBytes = Y.encodeStateAsUpdate(p.doc).length;
  let structs = 0;
  p.doc.store.clients.forEach((s) => {
    structs += s.length;
  });
  p.destroy();
  const t1 = performance.now();
  const res = await fetch(`${base}${boardStatePath(board.id)}`, { headers: { ...headers, 'accept-encoding': 'gzip' } });
  const downloadBytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`board state: ${res.status}`);
  const downloadMs = performance.now() - t1;
  return { openMs, docBytes, structs, downloadMs, downloadBytes, state: Y.encodeStateAsUpdate(p.doc) };
}

/**
 * The document work of one open, timed in this process over every board in turn (less noisy than
 * the cold opens on a loaded machine): the server decodes the stored board twice (Persistence
 * decodes it, then applies its encoding to the live document), encodes it three times (that
 * encoding, the size check, the sync reply) and once in the V2 form (the warmed download).
 */
function documentWork(states: readonly Uint8Array[], rounds = 60): number[] {
  const ms = states.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++)
    states.forEach((state, i) => {
      const t0 = performance.now();
      const once = new Y.Doc();
      Y.applyUpdate(once, state);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(once));
      Y.encodeStateAsUpdate(doc);
      Y.encodeStateAsUpdate(doc);
      Y.encodeStateAsUpdateV2(doc);
      ms[i]!.push(performance.now() - t0);
      once.destroy();
      doc.destroy();
    });
  return ms.map((m) => round(median(m), 1));
}

async function seriesRead(target: Target, board: Board, kpiId: string): Promise<number> {
  const base = new URL(target.httpUrl!).origin;
  const headers = await boardCallHeaders(base, board.id, board.token);
  const t0 = performance.now();
  const res = await fetch(`${base}${measurementsPath(board.id, kpiId)}`, { headers });
  const { measurements } = (await res.json()) as { measurements: unknown[] };
  if (measurements.length !== DAYS) throw new Error(`series: ${res.status}, ${measurements.length} points`);
  return performance.now() - t0;
}

export async function runKpiHistoryBenchmark(options: {
  readonly repeats: number;
  readonly nights: number;
  readonly root?: string;
}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'journeyboard-bench-kpi-history-'));
  let target = await startJourneyboard({ dataDir, root: options.root });
  const stages = findTemplate('ecommerce')!.stages;
  const boards: Board[] = [];
  const loadBefore = loadavg()[0]!;
  try {
    const base = new URL(target.httpUrl!).origin;
    for (const [name, from] of [
      ['50 KPIs × 1,800 daily points', 0],
      ['same 50 KPIs, last 30 days only', DAYS - KPI_SERIES_LIMITS.recentPoints],
      ['same 50 KPIs, latest point only', DAYS - 1],
    ] as const) {
      const { board, secret } = await boardWithKey(base);
      const all = Array.from({ length: KPIS }, (_, k) => lines(stages, k, from)).flat();
      await ingest(`${base}${importMeasurementsPath(board.id)}`, secret, all);
      boards.push({ name, ...board, points: all.length });
    }
    if (options.nights > 0) boards.push(await nightly(base, stages, options.nights));
    // The id of "Metric 0" (`kpi:<stage>.metric-0`): read from the board once, for the series read.
    const first = new Participant(0);
    const headers = await boardCallHeaders(base, boards[0]!.id, boards[0]!.token);
    await first.connect(
      target,
      boards[0]!.id,
      encodeConnectionToken({ link: boards[0]!.token, credential: headers[CREDENTIAL_HEADER] ?? null }),
    );
    const kpiId = [...first.doc.getMap('records').keys()].find((k) => k.startsWith('kpi:') && k.endsWith('.metric-0'));
    first.destroy();
    if (!kpiId) throw new Error('no "Metric 0" KPI on the board');

    const runs = new Map(boards.map((b) => [b.name, [] as Awaited<ReturnType<typeof open>>[]]));
    const reads: number[] = [];
    for (let r = 0; r < options.repeats; r++) {
      await target.stop();
      target = await startJourneyboard({ dataDir, root: options.root });
      // The first board opened after a restart pays for a cold process: a different one each time.
      const order = boards.map((_, i) => boards[(i + r) % boards.length]!);
      for (const b of order) runs.get(b.name)!.push(await open(target, b));
      reads.push(await seriesRead(target, boards[0]!, kpiId));
    }
    const work = documentWork(boards.map((b) => runs.get(b.name)!.at(-1)!.state));
    const rows = boards.map((b, i) => {
      const m = runs.get(b.name)!;
      return {
        board: b.name,
        points: b.points,
        'doc bytes': median(m.map((x) => x.docBytes)),
        structs: median(m.map((x) => x.structs)),
        'cold open ms (median)': round(median(m.map((x) => x.openMs)), 0),
        'min–max ms': `${round(Math.min(...m.map((x) => x.openMs)), 0)}–${round(Math.max(...m.map((x) => x.openMs)), 0)}`,
        'download bytes': median(m.map((x) => x.downloadBytes)),
        'download ms (median)': round(median(m.map((x) => x.downloadMs)), 0),
        'document work ms': work[i]!,
      };
    });
    const result = {
      ...options,
      server: options.root ?? 'this checkout',
      kpis: KPIS,
      days: DAYS,
      loadAverageBefore: round(loadBefore),
      loadAverageAfter: round(loadavg()[0]!),
      rows,
      // Against the latest point only, and against a series just as long as the board's mirror.
      openRatio: round(rows[0]!['cold open ms (median)'] / rows[2]!['cold open ms (median)']),
      docBytesRatio: round(rows[0]!['doc bytes'] / rows[2]!['doc bytes']),
      openRatioTo30Days: round(rows[0]!['cold open ms (median)'] / rows[1]!['cold open ms (median)']),
      docBytesRatioTo30Days: round(rows[0]!['doc bytes'] / rows[1]!['doc bytes']),
      nightlyOpenRatio: rows[3] ? round(rows[3]['cold open ms (median)'] / rows[2]!['cold open ms (median)']) : null,
      nightlyDocBytesRatio: rows[3] ? round(rows[3]['doc bytes'] / rows[2]!['doc bytes']) : null,
      seriesReadMs: {
        median: round(median(reads), 0),
        min: round(Math.min(...reads), 0),
        max: round(Math.max(...reads), 0),
      },
      workRatio: round(rows[0]!['document work ms'] / rows[2]!['document work ms']),
      nightlyWorkRatio: rows[3] ? round(rows[3]['document work ms'] / rows[2]!['document work ms']) : null,
      runs: Object.fromEntries([...runs].map(([name, m]) => [name, m.map(({ state: _, ...x }) => x)])),
    };
    console.log(
      `\nKPI history: ${KPIS} KPIs × ${DAYS} days against the latest point only, cold opens, ${options.repeats} repeats, SQLite, server of ${result.server} (load ${result.loadAverageBefore} → ${result.loadAverageAfter})`,
    );
    console.log(table(rows));
    console.log(
      `1,800 days against the latest point only: open ${result.openRatio}×, document ${result.docBytesRatio}×; against 30 days: open ${result.openRatioTo30Days}×, document ${result.docBytesRatioTo30Days}×; nightly against the latest point only: open ${result.nightlyOpenRatio}×, document ${result.nightlyDocBytesRatio}×; document work: 1,800 days ${result.workRatio}×, nightly ${result.nightlyWorkRatio}× the latest point only's; one KPI's 1,800 points over HTTP: median ${result.seriesReadMs.median} ms`,
    );
    return result;
  } finally {
    await target.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
