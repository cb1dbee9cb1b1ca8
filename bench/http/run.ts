/**
 * `npm run bench -- http [--seconds 5] [--connections 16]`: request throughput and latency of the
 * HTTP layer, as a closed loop (each connection sends its next request when the last is
 * answered) over kept-alive sockets against a `server/main.ts` child process. Three targets: the
 * priority list as JSON (a board call: link, credential, the board read and rendered), a 300 KB
 * client asset without Accept-Encoding (the file as it is) and with `br, gzip` (the compressed
 * copy the server keeps).
 */
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { boardCallHeaders } from '../../server/testing/identities.ts';
import { median, percentile, round, table } from '../stats.ts';
import { startJourneyboard } from '../sync/targets.ts';

interface HttpBenchOptions {
  readonly seconds: number;
  readonly connections: number;
  /** Only the cases whose name starts with this (a profile of one path). */
  readonly only?: string;
}

interface Case {
  readonly name: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

/** A built client's shape: index.html and a hashed bundle of about 300 KB of JavaScript. */
function writeClient(dir: string): string {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>bench</title><script src="/assets/index-b3nch.js"></script>',
  );
  const lines = Array.from({ length: 8000 }, (_, i) => `export const value${i} = ${(i * 7919) % 10007} * ${i % 13};`);
  writeFileSync(join(dir, 'assets', 'index-b3nch.js'), lines.join('\n'));
  return '/assets/index-b3nch.js';
}

function get(agent: http.Agent, base: URL, c: Case): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, hostname: base.hostname, port: base.port, path: c.path, headers: c.headers },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${c.path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function load(base: URL, c: Case, { seconds, connections }: HttpBenchOptions) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  // Warm-up: compressed copies made, sockets open, the board loaded.
  for (let i = 0; i < connections * 4; i++) await get(agent, base, c);
  const latencies: number[] = [];
  let bytes = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        const received = await get(agent, base, c);
        bytes += received;
        latencies.push(performance.now() - start);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    case: c.name,
    requestsPerSecond: round(latencies.length / elapsed, 0),
    p50Ms: round(median(latencies), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    bytesPerAnswer: Math.round(bytes / latencies.length),
    requests: latencies.length,
  };
}

export async function runHttpBenchmark(options: HttpBenchOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'journeyboard-bench-http-'));
  const asset = writeClient(join(dataDir, 'client'));
  const target = await startJourneyboard({ dataDir, clientDir: join(dataDir, 'client') });
  const loadBefore = loadavg()[0]!;
  try {
    const base = new URL(target.httpUrl!);
    const created = await fetch(`${base.origin}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench', template: 'ecommerce' }),
    });
    const board = (await created.json()) as { id: string; links: Record<string, string> };
    const token = /token=([^&#]+)/.exec(board.links.viewer ?? '')?.[1];
    if (!token) throw new Error(`no viewer link: ${JSON.stringify(board)}`);
    const cases: Case[] = [
      {
        name: 'priorities.json',
        path: `/api/boards/${board.id}/priorities.json`,
        headers: await boardCallHeaders(base.origin, board.id, token),
      },
      { name: 'asset identity', path: asset, headers: {} },
      { name: 'asset br', path: asset, headers: { 'accept-encoding': 'br, gzip' } },
    ];
    const rows = [];
    for (const c of cases)
      if (!options.only || c.name.startsWith(options.only)) rows.push(await load(base, c, options));
    const result = { ...options, loadAverageBefore: round(loadBefore), loadAverageAfter: round(loadavg()[0]!), rows };
    console.log(
      `\nHTTP: ${options.connections} connections, ${options.seconds} s each (load ${result.loadAverageBefore} → ${result.loadAverageAfter})`,
    );
    console.log(table(rows));
    return result;
  } finally {
    await target.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
