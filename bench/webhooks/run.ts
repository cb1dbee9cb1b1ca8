/**
 * `npm run bench -- webhooks [--edits 150] [--participants 8]`: edit latency with and without a
 * dead webhook receiver (issue 21: "a receiver down for the whole test does not delay edits").
 * Each case is a fresh `server/main.ts` child process and board, with `participants` real
 * providers. Every measured edit sets the sender's note's action status (the next of open,
 * in-progress, done) and rewrites its text; its latency is from the edit until every participant
 * has it. Webhooks settle after 50 ms (WEBHOOK_SETTLE_MS) and edits are paced 150 ms apart, so
 * each edit fires `action.status_changed` and `priorities.changed`, sent while the next edit is
 * measured. Cases: no webhook; a receiver that refuses connections (nothing listens on its port);
 * one that accepts and never answers (a blackhole: each attempt holds a socket until the 10 s
 * timeout); one that answers 200; and both at once (two webhooks on the board), where the
 * answering receiver must not wait behind the dead one. The deliveries the server logged, and how
 * many of them were delivered, are counted in its database.
 */
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ACTION_STATUSES, executeCommand } from '../../shared/index.ts';
import { boardCallHeaders } from '../../server/testing/identities.ts';
import { SQLITE_FILE_NAME } from '../../server/storage/database.ts';
import { median, percentile, round, table } from '../stats.ts';
import { Participant } from '../sync/participants.ts';
import { connectionToken, startJourneyboard } from '../sync/targets.ts';

interface WebhookBenchOptions {
  readonly edits: number;
  readonly participants: number;
}

/** A webhook receiver of one kind, and what it saw. */
interface Receiver {
  readonly name: string;
  /** Its webhooks' URLs; none: no webhook at all. */
  readonly urls: readonly string[];
  /** Connections (blackhole) or requests (answering) it received; null when it cannot see any. */
  received(): number | null;
  close(): Promise<void>;
}

const SETTLE_MS = 50;
const PACE_MS = 150;

function listening(server: net.Server): Promise<number> {
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as net.AddressInfo).port)));
}

async function refusing(): Promise<Receiver> {
  // A port that was just free: nothing listens there for the rest of the case.
  const probe = net.createServer();
  const port = await listening(probe);
  await new Promise((ok) => probe.close(ok));
  return {
    name: 'receiver refuses',
    urls: [`http://127.0.0.1:${port}/hook`],
    received: () => null,
    close: async () => {},
  };
}

async function blackhole(): Promise<Receiver> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.resume(); // read the request, never answer
  });
  const port = await listening(server);
  return {
    name: 'receiver never answers',
    urls: [`http://127.0.0.1:${port}/hook`],
    received: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}

async function answering(): Promise<Receiver> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  const port = await listening(server);
  return {
    name: 'receiver answers 200',
    urls: [`http://127.0.0.1:${port}/hook`],
    received: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A dead receiver and a working one on the same board; what the working one received. */
async function deadAndAnswering(): Promise<Receiver> {
  const [dead, working] = [await blackhole(), await answering()];
  return {
    name: 'one never answers, one answers 200',
    urls: [...dead.urls, ...working.urls],
    received: working.received,
    close: async () => {
      await dead.close();
      await working.close();
    },
  };
}

const none = async (): Promise<Receiver> => ({
  name: 'no webhook',
  urls: [],
  received: () => null,
  close: async () => {},
});

async function createBoard(base: string): Promise<{ id: string; links: Record<string, string> }> {
  const res = await fetch(`${base}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Webhook bench', template: 'blank' }),
  });
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; links: Record<string, string> };
}

function linkToken(link: string | undefined): string {
  const token = /token=([^&#]+)/.exec(link ?? '')?.[1];
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

async function addWebhook(base: string, boardId: string, facilitator: string, url: string): Promise<void> {
  const res = await fetch(`${base}/api/boards/${boardId}/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await boardCallHeaders(base, boardId, facilitator)) },
    body: JSON.stringify({ url, events: ['action.status_changed', 'priorities.changed'] }),
  });
  if (res.status !== 201) throw new Error(`add webhook: ${res.status} ${await res.text()}`);
}

function deliveriesLogged(dataDir: string): { deliveries: number; attempts: number; delivered: number } {
  const db = new DatabaseSync(join(dataDir, SQLITE_FILE_NAME), { readOnly: true });
  try {
    const row = db
      .prepare(
        "SELECT count(*) AS n, coalesce(sum(attempts), 0) AS a, count(*) FILTER (WHERE state = 'delivered') AS d FROM webhook_deliveries",
      )
      .get() as { n: number; a: number; d: number };
    return { deliveries: Number(row.n), attempts: Number(row.a), delivered: Number(row.d) };
  } finally {
    db.close();
  }
}

async function runCase(makeReceiver: () => Promise<Receiver>, options: WebhookBenchOptions) {
  const receiver = await makeReceiver();
  const dataDir = mkdtempSync(join(tmpdir(), 'journeyboard-bench-webhooks-'));
  const target = await startJourneyboard({
    dataDir,
    env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_SETTLE_MS: String(SETTLE_MS) },
  });
  const people: Participant[] = [];
  const loadBefore = loadavg()[0]!;
  try {
    const base = target.httpUrl!;
    const board = await createBoard(base);
    for (const url of receiver.urls) await addWebhook(base, board.id, linkToken(board.links.facilitator), url);
    const token = await connectionToken(base, board.id, linkToken(board.links.editor));
    for (let i = 0; i < options.participants; i++) people.push(new Participant(i));
    for (const p of people) await p.connect(target, board.id, token);
    for (const p of people) p.addOwnNote();
    await Promise.all(people.map((p) => p.until(() => p.noteCount() === people.length)));

    const latencies: number[] = [];
    for (let k = 0; k < options.edits; k++) {
      const sender = people[k % people.length]!;
      const t0 = performance.now();
      executeCommand(
        sender.doc,
        { id: `p${sender.index}`, name: `P${sender.index}`, department: 'other' },
        'setNoteAction',
        {
          noteIds: [sender.noteId!],
          status: ACTION_STATUSES[Math.floor(k / people.length) % ACTION_STATUSES.length],
        },
      );
      const { noteId, seq } = sender.edit();
      await Promise.all(people.map((p) => p.until(() => p.hasSeen(noteId, seq))));
      const latency = performance.now() - t0;
      latencies.push(latency);
      // Paced so the board is quiet for SETTLE_MS after each edit: every edit becomes events.
      if (latency < PACE_MS) await new Promise((r) => setTimeout(r, PACE_MS - latency));
    }
    const logged = deliveriesLogged(dataDir);
    return {
      case: receiver.name,
      p50Ms: round(median(latencies), 1),
      p95Ms: round(percentile(latencies, 95), 1),
      maxMs: round(Math.max(...latencies), 1),
      edits: latencies.length,
      deliveriesLogged: logged.deliveries,
      attempts: logged.attempts,
      delivered: logged.delivered,
      receivedAtReceiver: receiver.received() ?? '-',
      load: `${round(loadBefore)} → ${round(loadavg()[0]!)}`,
    };
  } finally {
    for (const p of people) p.destroy();
    await target.stop();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runWebhookBenchmark(options: WebhookBenchOptions) {
  const rows = [];
  for (const make of [none, refusing, blackhole, answering, deadAndAnswering]) rows.push(await runCase(make, options));
  const baseline = rows[0]!;
  const withRatios = rows.map((r) => ({
    ...r,
    p50Ratio: round(r.p50Ms / baseline.p50Ms, 2),
    p95Ratio: round(r.p95Ms / baseline.p95Ms, 2),
  }));
  console.log(
    `\nWebhooks: ${options.participants} participants, ${options.edits} edits per case, settle ${SETTLE_MS} ms, paced ${PACE_MS} ms`,
  );
  console.log(table(withRatios));
  return { ...options, settleMs: SETTLE_MS, paceMs: PACE_MS, rows: withRatios };
}
