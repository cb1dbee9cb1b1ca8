import { readFileSync } from 'node:fs';
import { percentile, round } from '../stats.ts';
import { editSteadily, ObserverThread, type Receipt } from './observerThread.ts';
import { Participant } from './participants.ts';
import type { Target } from './targets.ts';

export interface SyncFigures {
  readonly target: string;
  readonly n: number;
  /** Time until every participant sees one edit, sequential edits. */
  readonly latencyP50: number;
  readonly latencyP99: number;
  /** Edits per second applied everywhere when everyone edits at once. */
  readonly throughput: number;
  /** Edit-to-observers latency while everyone edits at 5 Hz. */
  readonly steadyP50: number;
  readonly steadyP99: number;
  /**
   * CPU seconds the server process used during the three workloads (after set-up): on a shared,
   * loaded machine a steadier measure of the server's own cost than wall-clock latency.
   * NaN where /proc is not available.
   */
  readonly serverCpuSeconds: number;
}

/** utime + stime of a process in seconds (Linux /proc; 10 ms clock ticks), or NaN. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** What a participant needs to join the board of one run. */
interface Join {
  readonly target: Pick<Target, 'protocol' | 'wsUrl'>;
  readonly room: string;
  readonly token: string | null;
}

/** Observers of the steady workload (in their own thread). */
const OBSERVERS = 3;

export async function setUp(target: Target, n: number): Promise<{ people: Participant[]; join: Join }> {
  const { room, token } = await target.createRoom();
  const people = Array.from({ length: n }, (_, i) => new Participant(i));
  await people[0]!.connect(target, room, token);
  if (target.name !== 'journeyboard') people[0]!.initializeBoard();
  // Connect the rest in small waves, as people join a workshop.
  for (let i = 1; i < n; i += 10) await Promise.all(people.slice(i, i + 10).map((p) => p.connect(target, room, token)));
  await Promise.all(people.map((p) => p.until(() => p.noteCount() >= 0 && p.doc.getMap('records').size > 0)));
  for (const p of people) p.addOwnNote();
  await Promise.all(people.map((p) => p.until(() => p.noteCount() === n)));
  return { people, join: { target: { protocol: target.protocol, wsUrl: target.wsUrl }, room, token } };
}

/** One edit at a time from a rotating sender; latency = until the last participant has it. */
export async function sequentialLatency(people: Participant[], edits: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < edits; k++) {
    const sender = people[k % people.length]!;
    const t0 = performance.now();
    const { noteId, seq } = sender.edit();
    await Promise.all(people.map((p) => p.until(() => p.hasSeen(noteId, seq))));
    out.push(performance.now() - t0);
  }
  return out;
}

/** Everyone edits as fast as they can; edits/s until every participant has every final edit. */
async function burstThroughput(people: Participant[], perPerson: number): Promise<number> {
  const t0 = performance.now();
  const finals: { noteId: string; seq: number }[] = [];
  await Promise.all(
    people.map(async (p) => {
      let last = { noteId: '', seq: 0 };
      for (let i = 0; i < perPerson; i++) {
        last = p.edit();
        await new Promise((r) => setImmediate(r));
      }
      finals.push(last);
    }),
  );
  await Promise.all(people.map((p) => p.until(() => finals.every((f) => p.hasSeen(f.noteId, f.seq)))));
  return (people.length * perPerson) / ((performance.now() - t0) / 1000);
}

/**
 * Everyone edits at 5 Hz for `seconds`; latency from each edit until a few observers saw it. The
 * observers run in a thread of their own (observerThread.ts) and take the place of as many of
 * `people`, so N participants still edit.
 */
async function steadyLatency(people: Participant[], seconds: number, join: Join): Promise<number[]> {
  const count = Math.min(OBSERVERS, people.length);
  const observers = await ObserverThread.start({ ...join, count, firstIndex: people.length });
  try {
    for (const p of people.slice(0, count)) p.destroy();
    const editors = people.slice(count);
    const [ours, theirs] = await Promise.all([editSteadily(editors, seconds), observers.run(seconds)]);
    const sent = [...ours, ...theirs];
    const receipts = new Map<string, Receipt[]>();
    for (const r of await observers.collect(sent)) receipts.set(r.key, [...(receipts.get(r.key) ?? []), r]);
    const latencies: number[] = [];
    for (const s of sent) {
      // An observer's own edit is timed by the other observers only.
      const times = (receipts.get(s.key) ?? []).filter((r) => r.by !== s.from).map((r) => r.at);
      if (times.length) latencies.push(Math.max(...times) - s.at);
    }
    return latencies;
  } finally {
    await observers.stop();
  }
}

export async function measure(
  target: Target,
  n: number,
  opts: { edits: number; burst: number; steadySeconds: number },
): Promise<SyncFigures> {
  const { people, join } = await setUp(target, n);
  const cpuBefore = cpuSeconds(target.pid);
  try {
    await sequentialLatency(people, Math.min(10, opts.edits)); // warm-up
    const lat = await sequentialLatency(people, opts.edits);
    const throughput = await burstThroughput(people, opts.burst);
    const steady = await steadyLatency(people, opts.steadySeconds, join);
    return {
      target: target.name,
      n,
      latencyP50: round(percentile(lat, 50)),
      latencyP99: round(percentile(lat, 99)),
      throughput: round(throughput, 0),
      steadyP50: round(percentile(steady, 50)),
      steadyP99: round(percentile(steady, 99)),
      serverCpuSeconds: round(cpuSeconds(target.pid) - cpuBefore),
    };
  } finally {
    for (const p of people) p.destroy();
  }
}
