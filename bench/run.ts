/**
 * `npm run bench [-- sync] [--quick] [--repeats N] [--sizes 2,20,100]`
 * `npm run bench -- big-board [--notes 2000,5000] [--profile DIR] [--open-only]` (CPU profiles of its phases;
 *   `--open-only`: first render, bytes received and return visits, without pans, drag and edits)
 * `npm run bench -- big-board --connectors 3000 [--notes 5000] [--repeats 3]` (the board without and with that many
 *   connectors, alternating in one run: first render, drag frame p95, document size; in place of the usual big-board run;
 *   `--before DIR` serves another build's client beside this one's, `--profile DIR` profiles each first render)
 * `npm run bench -- auth-storm [--notes 2800] [--connections 40] [--seconds 10]` (wrong-token attempts, /healthz meanwhile)
 * `npm run bench -- peers [--notes 5000] [--repeats 3] [--tldraw-rounds N] [--shots DIR] [--before CLIENT_DIR]` (the big
 *   board in Journeyboard, tldraw and Excalidraw; also `npm run bench:peers`; tldraw only in the last N rounds: one takes
 *   ~20 min; `--before`: another build's client, e.g. main's `dist/client-test` copied, measured in the same rounds)
 * `npm run bench -- webhooks [--edits 150] [--participants 8]` (edit latency with no webhook, a receiver refusing,
 *   one never answering, one answering: p50/p95 and ratios)
 * `npm run bench -- http [--seconds 5] [--connections 16] [--label old-router] [--only priorities]` (priorities.json and a client asset: requests/s, p50, p99)
 * `npm run bench -- ingest [--repeats 5]` (10,000 measurements in one request with an integration key: new, then replaced)
 * `npm run bench -- kpi-history [--repeats 5] [--nights 90] [--before DIR]` (cold open and document size of a board with 50 KPIs × 1,800 daily points,
 *   against the same KPIs with the latest point only, and fed one night at a time; `--before`: the server of another checkout, e.g. main's)
 * `npm run bench -- scale-out [--sizes 2,20] [--repeats 3] [--before DIR]` (two instances: cross- against same-instance latency, with the raw extension-redis baseline; `--before` adds the Journeyboard of another checkout, e.g. a `git worktree` of main, to the same run)
 * Runs the benchmarks, prints their figures and ratios, and writes them to bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { runAuthStormBenchmark } from './authStorm/run.ts';
import { runHttpBenchmark } from './http/run.ts';
import { runWebhookBenchmark } from './webhooks/run.ts';
import { runIngestBenchmark } from './ingest/run.ts';
import { runKpiHistoryBenchmark } from './kpiHistory/run.ts';
import { runBigBoardBenchmark } from './bigBoard/run.ts';
import { runConnectorComparison } from './bigBoard/connectors.ts';
import { runMemoryBenchmark } from './memory/run.ts';
import { runScaleOutBenchmark } from './scaleOut/run.ts';
import { runSideBySideBenchmark } from './sideBySide/run.ts';
import { runSyncBenchmark } from './sync/run.ts';

// Each y-websocket provider registers a process 'exit' listener; a hundred of them are expected.
process.setMaxListeners(0);

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const VALUED = new Set([
  '--repeats',
  '--sizes',
  '--notes',
  '--boards',
  '--connections',
  '--profile',
  '--seconds',
  '--label',
  '--only',
  '--edits',
  '--participants',
  '--before',
  '--shots',
  '--connectors',
  '--tldraw-rounds',
  '--nights',
]);
const which = args.filter((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1] ?? ''));
// The peers install and build a package of their own (bench/peers): only when asked for by name.
const selected = (name: string) => (which.length === 0 && name !== 'peers') || which.includes(name);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const report: Record<string, unknown> = { date: new Date().toISOString(), machine };
const dir = join(import.meta.dirname, 'results');
const label = flag('--label');
const file = join(dir, `bench-${report.date as string}${label ? `-${label}` : ''}.json`.replace(/:/g, '-'));
/** Written at the end, and by long benchmarks after each measurement, so a stopped run keeps what it measured. */
const save = () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2));
};
console.log(
  `Journeyboard benchmarks on ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}`,
);

if (selected('sync')) {
  const sizes = (flag('--sizes') ?? (quick ? '2,20' : '2,20,100')).split(',').map(Number);
  report.sync = await runSyncBenchmark({ sizes, repeats: Number(flag('--repeats') ?? (quick ? 1 : 3)), quick });
}

if (selected('big-board') && flag('--connectors')) {
  report.bigBoardConnectors = await runConnectorComparison({
    notes: Number((flag('--notes') ?? '5000').split(',')[0]),
    connectors: Number(flag('--connectors')),
    repeats: Number(flag('--repeats') ?? 3),
    before: flag('--before') && resolve(flag('--before')!),
    profileDir: flag('--profile') && resolve(flag('--profile')!),
  });
} else if (selected('big-board')) {
  const profileDir = flag('--profile');
  report.bigBoard = await runBigBoardBenchmark(
    (flag('--notes') ?? (quick ? '2000' : '2000,5000')).split(',').map(Number),
    profileDir && resolve(profileDir),
    args.includes('--open-only'),
  );
}

if (selected('memory')) {
  report.memory = await runMemoryBenchmark({
    boards: Number(flag('--boards') ?? (quick ? 100 : 1000)),
    connections: Number(flag('--connections') ?? (quick ? 50 : 200)),
  });
}

if (selected('auth-storm')) {
  report.authStorm = await runAuthStormBenchmark({
    notes: Number((flag('--notes') ?? '2800').split(',')[0]),
    sockets: Number(flag('--connections') ?? 40),
    seconds: Number(flag('--seconds') ?? (quick ? 3 : 10)),
  });
}

if (selected('scale-out')) {
  report.scaleOut = await runScaleOutBenchmark({
    sizes: (flag('--sizes') ?? (quick ? '2' : '2,20')).split(',').map(Number),
    repeats: Number(flag('--repeats') ?? (quick ? 1 : 3)),
    edits: quick ? 20 : 60,
    before: flag('--before'),
  });
}

if (selected('peers')) {
  const shots = flag('--shots');
  const rounds = Number(flag('--repeats') ?? (quick ? 1 : 3));
  report.peers = await runSideBySideBenchmark({
    notes: Number((flag('--notes') ?? '5000').split(',')[0]),
    rounds,
    tldrawRounds: Number(flag('--tldraw-rounds') ?? rounds),
    shots: shots && resolve(shots),
    before: flag('--before') && resolve(flag('--before')!),
    progress: (rows) => {
      report.peers = { partial: true, rounds: rows };
      save();
    },
  });
}

if (selected('http')) {
  report.http = await runHttpBenchmark({
    seconds: Number(flag('--seconds') ?? (quick ? 2 : 5)),
    connections: Number(flag('--connections') ?? 16),
    only: flag('--only'),
  });
}

if (selected('webhooks')) {
  report.webhooks = await runWebhookBenchmark({
    edits: Number(flag('--edits') ?? (quick ? 40 : 150)),
    participants: Number(flag('--participants') ?? 8),
  });
}

if (selected('ingest')) {
  report.ingest = await runIngestBenchmark({ repeats: Number(flag('--repeats') ?? (quick ? 2 : 5)) });
}

if (selected('kpi-history')) {
  report.kpiHistory = await runKpiHistoryBenchmark({
    repeats: Number(flag('--repeats') ?? (quick ? 3 : 5)),
    nights: Number(flag('--nights') ?? (quick ? 30 : 90)),
    root: flag('--before') && resolve(flag('--before')!),
  });
}

save();
console.log(`\nWrote ${file}`);
process.exit(0);
