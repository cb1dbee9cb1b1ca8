/**
 * Sync benchmark: N participants with real providers (this process; the steady workload's three
 * observers in a worker thread, observerThread.ts) against three servers
 * started by the benchmark (separate processes): Journeyboard, a plain Hocuspocus 4 server and
 * the y-websocket reference server. Same workload, same run; prints medians over repeats and
 * Journeyboard's ratios to both baselines.
 */
import { median, round, table } from '../stats.ts';
import { startJourneyboard, startRawHocuspocus, startYWebsocket, type Target } from './targets.ts';
import { measure, type SyncFigures } from './workloads.ts';

export interface SyncReport {
  readonly sizes: readonly number[];
  readonly repeats: number;
  readonly results: readonly SyncFigures[];
  readonly ratios: readonly Record<string, number | string>[];
}

const KEYS = ['latencyP50', 'latencyP99', 'throughput', 'steadyP50', 'steadyP99', 'serverCpuSeconds'] as const;

function medianFigures(runs: readonly SyncFigures[]): SyncFigures {
  const first = runs[0]!;
  const out: Record<string, number | string> = { target: first.target, n: first.n };
  for (const k of KEYS) out[k] = round(median(runs.map((r) => r[k])));
  return out as unknown as SyncFigures;
}

export async function runSyncBenchmark(opts: {
  sizes: number[];
  repeats: number;
  quick: boolean;
}): Promise<SyncReport> {
  const targets: Target[] = [await startJourneyboard(), await startRawHocuspocus(), await startYWebsocket()];
  const results: SyncFigures[] = [];
  try {
    for (const n of opts.sizes) {
      const params = {
        edits: opts.quick ? 20 : n >= 100 ? 60 : 120,
        burst: opts.quick ? 5 : n >= 100 ? 10 : 50,
        steadySeconds: opts.quick ? 2 : 5,
      };
      const runs = new Map<string, SyncFigures[]>();
      // Interleave targets within each repeat so machine noise hits all of them alike.
      for (let r = 0; r < opts.repeats; r++)
        for (const t of targets) {
          const f = await measure(t, n, params);
          runs.set(t.name, [...(runs.get(t.name) ?? []), f]);
          process.stderr.write(
            `  n=${n} ${t.name} run ${r + 1}: p50 ${f.latencyP50} ms, ${f.throughput} edits/s, steady p50 ${f.steadyP50} ms, server CPU ${f.serverCpuSeconds} s\n`,
          );
        }
      for (const t of targets) results.push(medianFigures(runs.get(t.name)!));
    }
  } finally {
    for (const t of targets) await t.stop();
  }
  const ratios = opts.sizes.map((n) => {
    const ours = results.find((r) => r.n === n && r.target === 'journeyboard')!;
    const raw = results.find((r) => r.n === n && r.target === 'raw-hocuspocus')!;
    const yws = results.find((r) => r.n === n && r.target === 'y-websocket')!;
    return {
      n,
      'p50 vs hocuspocus': round(ours.latencyP50 / raw.latencyP50),
      'p99 vs hocuspocus': round(ours.latencyP99 / raw.latencyP99),
      'throughput vs hocuspocus': round(ours.throughput / raw.throughput),
      'steady p50 vs hocuspocus': round(ours.steadyP50 / raw.steadyP50),
      'steady p99 vs hocuspocus': round(ours.steadyP99 / raw.steadyP99),
      'p50 vs y-websocket': round(ours.latencyP50 / yws.latencyP50),
      'throughput vs y-websocket': round(ours.throughput / yws.throughput),
      'server CPU vs hocuspocus': round(ours.serverCpuSeconds / raw.serverCpuSeconds),
    };
  });
  console.log('\nSync: medians over', opts.repeats, 'repeats (ms; throughput in edits/s)');
  console.log(table(results as unknown as Record<string, number | string>[]));
  console.log(
    '\nJourneyboard / baseline (latency: lower is better, target ≤ 1.2; throughput: higher is better, target ≥ 0.8)',
  );
  console.log(table(ratios));
  return { sizes: opts.sizes, repeats: opts.repeats, results, ratios };
}
