/**
 * Server memory: RSS of a Journeyboard server process with 1,000 open boards (one participant
 * each), then with many participants on one board. Reads /proc/<pid>/status of the child.
 */
import { readFileSync } from 'node:fs';
import { round, table } from '../stats.ts';
import { Participant } from '../sync/participants.ts';
import { startJourneyboard } from '../sync/targets.ts';

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function settle(pid: number): Promise<number> {
  // RSS moves while the GC and allocator settle: take the median of a few readings 200 ms apart.
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 200));
    readings.push(rssMiB(pid));
  }
  return readings.sort((a, b) => a - b)[2]!;
}

export async function runMemoryBenchmark(opts: { boards: number; connections: number }) {
  const target = await startJourneyboard();
  const people: Participant[] = [];
  try {
    const pid = target.pid;
    const idle = await settle(pid);
    for (let i = 0; i < opts.boards; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, opts.boards - i) }, async (_, k) => {
          const { room, token } = await target.createRoom();
          const p = new Participant(i + k);
          await p.connect(target, room, token);
          return p;
        }),
      );
      people.push(...batch);
    }
    const withBoards = await settle(pid);
    const { room, token } = await target.createRoom();
    for (let i = 0; i < opts.connections; i += 25)
      people.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(25, opts.connections - i) }, async (_, k) => {
            const p = new Participant(10_000 + i + k);
            await p.connect(target, room, token);
            return p;
          }),
        )),
      );
    const withConnections = await settle(pid);
    const rows = [
      { state: 'idle server', rssMiB: round(idle, 1), perItemKiB: '' },
      {
        state: `${opts.boards} open boards, 1 participant each`,
        rssMiB: round(withBoards, 1),
        perItemKiB: round(((withBoards - idle) * 1024) / opts.boards, 1),
      },
      {
        state: `+ ${opts.connections} participants on one board`,
        rssMiB: round(withConnections, 1),
        perItemKiB: round(((withConnections - withBoards) * 1024) / opts.connections, 1),
      },
    ];
    console.log('\nServer memory (RSS; per item = growth / count, each board with its one connection)');
    console.log(table(rows));
    return {
      boards: opts.boards,
      connections: opts.connections,
      idleMiB: idle,
      withBoardsMiB: withBoards,
      withConnectionsMiB: withConnections,
      rows,
    };
  } finally {
    for (const p of people) p.destroy();
    await target.stop();
  }
}
