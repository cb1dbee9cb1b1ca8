/**
 * `npm run bench -- auth-storm`: wrong-token attempts against an unopened 2,800-note board, as a
 * stranger who knows its id would send them, and what everyone else sees meanwhile (/healthz).
 * Two runs: with the default failed-authentication limits, and with them lifted
 * (AUTH_FAILURES_PER_ADDRESS huge), which shows what one checked wrong-token attempt costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeConnectionToken } from '../../shared/protocol/identity.ts';
import { ShareLinks } from '../../server/access/ShareLinks.ts';
import { openSqliteRepositories } from '../../server/repositories/Repositories.ts';
import { attemptAuth, openRawSocket, storeBigBoard } from '../../server/testing/rawAuth.ts';
import { median, percentile, round, table } from '../stats.ts';
import { startJourneyboard } from '../sync/targets.ts';

const BOARD = 'benchstorm01';

interface StormOptions {
  readonly notes: number;
  readonly sockets: number;
  readonly seconds: number;
}

async function storm(label: string, env: Record<string, string>, { notes, sockets, seconds }: StormOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'journeyboard-authstorm-'));
  const store = await openSqliteRepositories(dataDir);
  await storeBigBoard(store, BOARD, notes);
  await new ShareLinks(store.boards).create(BOARD);
  await store.close();
  const target = await startJourneyboard({ dataDir, env });
  try {
    const healthz = async () => {
      const t0 = performance.now();
      await (await fetch(`${target.httpUrl}/healthz`)).text();
      return performance.now() - t0;
    };
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await healthz());

    const open = await Promise.all(Array.from({ length: sockets }, () => openRawSocket(target.wsUrl)));
    const reasons = new Map<string, number>();
    const end = performance.now() + seconds * 1000;
    const wrong = encodeConnectionToken({ link: 'A'.repeat(43), credential: null });
    // Each socket sends its next attempt as soon as the last is answered (a closed loop).
    const attackers = open.map(async (ws, s) => {
      for (let n = 0; performance.now() < end; n++) {
        const reason = await attemptAuth(ws, BOARD, wrong, `${s}-${n}`);
        reasons.set(reason ?? 'let in', (reasons.get(reason ?? 'let in') ?? 0) + 1);
      }
    });
    const during: number[] = [];
    const t0 = performance.now();
    while (performance.now() < end) during.push(await healthz());
    await Promise.all(attackers);
    const elapsed = (performance.now() - t0) / 1000;
    for (const ws of open) ws.close();
    const attempts = [...reasons.values()].reduce((a, b) => a + b, 0);
    return {
      label,
      notes,
      sockets,
      seconds: round(elapsed, 1),
      attemptsPerSecond: round(attempts / elapsed, 0),
      answers: Object.fromEntries(reasons),
      healthzIdleMedianMs: round(median(idle)),
      healthzDuringMedianMs: round(median(during)),
      healthzDuringP95Ms: round(percentile(during, 95)),
      healthzDuringMaxMs: round(Math.max(...during)),
      healthzDuringCount: during.length,
    };
  } finally {
    await target.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runAuthStormBenchmark(options: StormOptions) {
  const results = [
    await storm('default limits', {}, options),
    await storm(
      'limits lifted',
      { AUTH_FAILURES_PER_ADDRESS: '1000000000', AUTH_FAILURES_PER_BOARD: '1000000000' },
      options,
    ),
  ];
  console.log(
    `\nWrong-token storm: ${options.sockets} sockets for ${options.seconds} s on an unopened ${options.notes}-note board`,
  );
  console.log(
    table(
      results.map((r) => ({
        run: r.label,
        'attempts/s': r.attemptsPerSecond,
        answers: Object.entries(r.answers)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
        'healthz idle ms': r.healthzIdleMedianMs,
        'healthz median ms': r.healthzDuringMedianMs,
        p95: r.healthzDuringP95Ms,
        max: r.healthzDuringMaxMs,
      })),
    ),
  );
  return results;
}
