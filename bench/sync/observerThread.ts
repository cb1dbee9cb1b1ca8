/**
 * The steady workload's observers, in a worker thread of their own. A hundred participants in
 * one thread apply ~50,000 updates a second at 5 Hz each and keep that thread saturated (~115 %
 * CPU measured): observers there timed their own thread's queue more than the server. Here they
 * edit at 5 Hz like everyone else and stamp what they receive on a clock all threads share.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Participant, stamp } from './participants.ts';
import type { Target } from './targets.ts';

/** One edit: which note and sequence number, when (`stamp()`), by which participant index. */
export interface SentEdit {
  readonly key: string;
  readonly at: number;
  readonly from: number;
}

/** When observer `by` first had edit `key` (`stamp()`). */
export interface Receipt {
  readonly key: string;
  readonly by: number;
  readonly at: number;
}

interface Setup {
  readonly target: Pick<Target, 'protocol' | 'wsUrl'>;
  readonly room: string;
  readonly token: string | null;
  readonly count: number;
  readonly firstIndex: number;
}

type Request = { type: 'run'; seconds: number } | { type: 'collect'; sent: SentEdit[] };
type Reply =
  | { type: 'ready' }
  | { type: 'sent'; sent: SentEdit[] }
  | { type: 'receipts'; receipts: Receipt[] }
  | { type: 'error'; message: string };

/** Each participant edits its note every 200 ms for `seconds`, starting at a random offset. */
export async function editSteadily(people: readonly Participant[], seconds: number): Promise<SentEdit[]> {
  const sent: SentEdit[] = [];
  await Promise.all(
    people.map(async (p) => {
      await new Promise((r) => setTimeout(r, Math.random() * 200));
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end) {
        const at = stamp();
        const { noteId, seq } = p.edit();
        sent.push({ key: `${noteId}#${seq}`, at, from: p.index });
        await new Promise((r) => setTimeout(r, 200));
      }
    }),
  );
  return sent;
}

/** Main thread: `count` participants in a worker, joined to the board and each owning a note. */
export class ObserverThread {
  readonly indexes: readonly number[];
  private readonly worker: Worker;
  private readonly replies: Reply[] = [];
  private readonly waiting: ((r: Reply) => void)[] = [];

  private constructor(worker: Worker, setup: Setup) {
    this.worker = worker;
    this.indexes = Array.from({ length: setup.count }, (_, i) => setup.firstIndex + i);
    worker.on('message', (r: Reply) => (this.waiting.length ? this.waiting.shift()!(r) : this.replies.push(r)));
    worker.on('error', (e) => this.waiting.shift()?.({ type: 'error', message: String(e) }));
  }

  static async start(setup: Setup): Promise<ObserverThread> {
    const thread = new ObserverThread(
      new Worker(new URL(import.meta.url), { workerData: { observerThread: setup } }),
      setup,
    );
    await thread.next('ready');
    return thread;
  }

  /** Their 5 Hz edits, once their `seconds` are over. */
  async run(seconds: number): Promise<SentEdit[]> {
    this.worker.postMessage({ type: 'run', seconds } satisfies Request);
    return (await this.next('sent')).sent;
  }

  /** When each observer had each edit of `sent` (its own excepted), once all have them. */
  async collect(sent: SentEdit[]): Promise<Receipt[]> {
    this.worker.postMessage({ type: 'collect', sent } satisfies Request);
    return (await this.next('receipts')).receipts;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private async next<T extends Reply['type']>(type: T): Promise<Extract<Reply, { type: T }>> {
    const r = this.replies.shift() ?? (await new Promise<Reply>((ok) => this.waiting.push(ok)));
    if (r.type !== type)
      throw new Error(`observer thread: expected ${type}, got ${r.type === 'error' ? r.message : r.type}`);
    return r as Extract<Reply, { type: T }>;
  }
}

async function runWorker(setup: Setup): Promise<void> {
  const port = parentPort!;
  const reply = (r: Reply) => port.postMessage(r);
  const people = Array.from({ length: setup.count }, (_, i) => new Participant(setup.firstIndex + i));
  for (const p of people) {
    await p.connect(setup.target, setup.room, setup.token);
    p.addOwnNote();
    p.recording = true;
  }
  port.on('message', (req: Request) => {
    const work =
      req.type === 'run'
        ? editSteadily(people, req.seconds).then((sent) => reply({ type: 'sent', sent }))
        : Promise.all(
            people.map((p) =>
              p.until(() =>
                req.sent.every(
                  (s) =>
                    s.from === p.index ||
                    p.receipts.has(s.key) ||
                    p.hasSeen(s.key.split('#')[0]!, Number(s.key.split('#')[1])),
                ),
              ),
            ),
          ).then(() =>
            reply({
              type: 'receipts',
              receipts: people.flatMap((p) => [...p.receipts].map(([key, at]) => ({ key, by: p.index, at }))),
            }),
          );
    work.catch((e: unknown) => reply({ type: 'error', message: String(e) }));
  });
  reply({ type: 'ready' });
}

if (!isMainThread && (workerData as { observerThread?: Setup } | null)?.observerThread) {
  runWorker((workerData as { observerThread: Setup }).observerThread).catch((e: unknown) =>
    parentPort!.postMessage({ type: 'error', message: String(e) } satisfies Reply),
  );
}
