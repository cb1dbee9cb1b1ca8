/**
 * `npm run bench -- ingest [--repeats 5]`: one request of 10,000 measurements (5 KPIs × 2,000
 * daily points) to `POST /api/boards/:id/measurements` with an integration key, as CSV, against a
 * `server/main.ts` child process on SQLite: first as new points, then the same batch again (every
 * point replaced). The time is the whole request: parse, one transaction, the mirror into the board.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrationKeysPath } from '../../shared/protocol/integrationKeys.ts';
import { importMeasurementsPath } from '../../shared/protocol/kpiMeasurements.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import { boardCallHeaders } from '../../server/testing/identities.ts';
import { median, round, table } from '../stats.ts';
import { startJourneyboard } from '../sync/targets.ts';

const KPIS = 5;
const DAYS = 2_000;

/** The batch as a nightly job writes it: `stage,metric,date,value,sample_size,source`. */
function batch(stages: readonly string[], metric: string): string {
  const lines = ['stage,metric,date,value,sample_size,source'];
  const from = Date.UTC(2020, 0, 1);
  for (let k = 0; k < KPIS; k++)
    for (let d = 0; d < DAYS; d++) {
      const date = new Date(from + d * 86_400_000).toISOString().slice(0, 10);
      lines.push(
        `${stages[k % stages.length]},${metric} ${k},${date},${(3 + ((d * 7) % 20) / 10).toFixed(1)},120,BI nightly`,
      );
    }
  return `${lines.join('\n')}\n`;
}

async function send(url: string, key: string, body: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
    body,
  });
  const answer = (await res.json()) as { added?: number; replaced?: number };
  if (res.status !== 200 || (answer.added ?? 0) + (answer.replaced ?? 0) !== KPIS * DAYS)
    throw new Error(`ingest: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
  return performance.now() - start;
}

/** A new e-commerce board and an integration key for it, made as a facilitator does. */
export async function boardWithKey(base: string): Promise<{ board: { id: string; token: string }; secret: string }> {
  const created = await fetch(`${base}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench', template: 'ecommerce' }),
  });
  const board = (await created.json()) as { id: string; links: Record<string, string> };
  const token = /token=([^&#]+)/.exec(board.links.facilitator ?? '')?.[1];
  if (!token) throw new Error(`no facilitator link: ${JSON.stringify(board)}`);
  const made = await fetch(`${base}${integrationKeysPath(board.id)}`, {
    method: 'POST',
    headers: { ...(await boardCallHeaders(base, board.id, token)), 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench' }),
  });
  const { secret } = (await made.json()) as { secret: string };
  return { board: { id: board.id, token }, secret };
}

export async function runIngestBenchmark(options: { readonly repeats: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'journeyboard-bench-ingest-'));
  const target = await startJourneyboard({ dataDir });
  const loadBefore = loadavg()[0]!;
  try {
    const base = new URL(target.httpUrl!).origin;
    const { board, secret } = await boardWithKey(base);
    const stages = findTemplate('ecommerce')!.stages;
    const url = `${base}${importMeasurementsPath(board.id)}`;
    const fresh: number[] = [];
    const replay: number[] = [];
    let bytes = 0;
    for (let r = 0; r < options.repeats; r++) {
      const body = batch(stages, `Bench ${r}`);
      bytes = body.length;
      fresh.push(await send(url, secret, body));
      replay.push(await send(url, secret, body));
    }
    const row = (name: string, ms: number[]) => ({
      case: name,
      points: KPIS * DAYS,
      medianMs: round(median(ms), 0),
      minMs: round(Math.min(...ms), 0),
      maxMs: round(Math.max(...ms), 0),
      pointsPerSecond: round((KPIS * DAYS) / (median(ms) / 1000), 0),
    });
    const rows = [row('10,000 new points', fresh), row('same 10,000 again (replaced)', replay)];
    const result = {
      ...options,
      bodyBytes: bytes,
      loadAverageBefore: round(loadBefore),
      loadAverageAfter: round(loadavg()[0]!),
      rows,
    };
    console.log(
      `\nIngest: one CSV request of ${KPIS * DAYS} points (${Math.round(bytes / 1024)} KB), ${options.repeats} repeats, SQLite (load ${result.loadAverageBefore} → ${result.loadAverageAfter})`,
    );
    console.log(table(rows));
    return result;
  } finally {
    await target.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
