import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeConnectionToken, identitiesPath } from '../../shared/protocol/identity.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
/**
 * Extra Node flags for the Journeyboard and raw Hocuspocus server processes, e.g.
 * `BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'` (NODE_OPTIONS refuses --cpu-prof).
 */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** A sync server the benchmark drives: ours, raw Hocuspocus, or the y-websocket reference server. */
export interface Target {
  readonly name: string;
  readonly protocol: 'hocuspocus' | 'y-websocket';
  readonly wsUrl: string;
  /** The server process, for memory readings. */
  readonly pid: number;
  /** A fresh board/room for one run, with the token to join it (ours needs one) and the person it proves. */
  createRoom(): Promise<{ room: string; token: string | null; link?: string; personId?: string }>;
  /** Journeyboard's HTTP base URL (the baselines have none). */
  readonly httpUrl?: string;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((ok, fail) => {
    let log = '';
    const onData = (c: Buffer) => {
      log += c.toString();
      const m = pattern.exec(log);
      if (m) ok(m);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    child.once('exit', (code) => fail(new Error(`exited ${code} before ready:\n${log}`)));
  });
}

function stopper(child: ChildProcess, cleanup?: () => void) {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    }
    cleanup?.();
  };
}

/**
 * The token participants connect with: the share link's token and a credential, as the app does.
 * One identity for the room (people are not under test).
 */
export async function connectionToken(url: string, boardId: string, share: string): Promise<string> {
  return (await provenConnection(url, boardId, share)).token;
}

/** The connection token and the person the server issued its credential to. */
async function provenConnection(
  url: string,
  boardId: string,
  share: string,
): Promise<{ token: string; personId: string }> {
  const issued = await fetch(`${url}${identitiesPath(boardId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${share}` },
  });
  if (issued.status !== 201) throw new Error(`identity: ${issued.status} ${await issued.text()}`);
  const { credential, personId } = (await issued.json()) as { credential: string; personId: string };
  return { token: encodeConnectionToken({ link: share, credential }), personId };
}

let roomSeq = 0;

/** Journeyboard itself, with its update log, auth and validation on, storing to SQLite. */
export async function startJourneyboard(
  opts: { clientDir?: string; dataDir?: string; env?: Record<string, string>; root?: string; name?: string } = {},
): Promise<Target> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'journeyboard-bench-'));
  const child = spawn(NODE, [...SERVER_NODE_ARGS, 'server/main.ts'], {
    cwd: opts.root ?? ROOT,
    // The benchmark's participants all connect from this machine: one address, one link.
    env: {
      ...process.env,
      MAX_CONNECTIONS_PER_ADDRESS: '100000',
      MAX_NEW_IDENTITIES_PER_LINK: '100000',
      MAX_CONNECTIONS_PER_PERSON: '100000',
      ...opts.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: opts.clientDir ?? join(dataDir, 'no-client'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, url] = await waitForLine(child, /listening on (http:\/\/\S+)/);
  return {
    name: opts.name ?? 'journeyboard',
    protocol: 'hocuspocus',
    pid: child.pid!,
    wsUrl: `${url!.replace(/^http/, 'ws')}/collab`,
    async createRoom() {
      const res = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Bench', template: 'blank' }),
      });
      if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { id: string; links?: Record<string, string> };
      // With share links, the editor link carries the token after `#token=` or `?token=`.
      const link = body.links?.editor ?? body.links?.facilitator ?? '';
      const share = /token=([^&#]+)/.exec(link)?.[1] ?? null;
      const proven = share ? await provenConnection(url!, body.id, share) : null;
      return { room: body.id, token: proven?.token ?? null, link: link || `/b/${body.id}`, personId: proven?.personId };
    },
    httpUrl: url!,
    stop: stopper(child, () => opts.dataDir === undefined && rmSync(dataDir, { recursive: true, force: true })),
  };
}

export async function startRawHocuspocus(
  script = 'bench/sync/rawHocuspocus.ts',
  env: Record<string, string> = {},
): Promise<Target> {
  const child = spawn(NODE, [...SERVER_NODE_ARGS, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, port] = await waitForLine(child, /listening on (\d+)/);
  return {
    name: 'raw-hocuspocus',
    protocol: 'hocuspocus',
    pid: child.pid!,
    wsUrl: `ws://127.0.0.1:${port}`,
    createRoom: async () => ({ room: `room-${++roomSeq}`, token: null }),
    stop: stopper(child),
  };
}

export async function startYWebsocket(): Promise<Target> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(NODE, [join(ROOT, 'node_modules/y-websocket/bin/server.cjs')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /running at/);
  return {
    name: 'y-websocket',
    protocol: 'y-websocket',
    pid: child.pid!,
    wsUrl: `ws://127.0.0.1:${port}`,
    createRoom: async () => ({ room: `room-${++roomSeq}`, token: null }),
    stop: stopper(child),
  };
}
