import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');

/** A real Journeyboard server in a child process, on a free port, with its own data folder. */
export class TestServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'journeyboard-e2e-'));
  private child: ChildProcess | null = null;
  url = '';
  private port = 0;
  /** Extra environment for the server (e.g. the OIDC_* variables of a test provider). */
  private readonly env: Record<string, string>;

  constructor(env: Record<string, string> = {}) {
    this.env = env;
  }

  async start(): Promise<void> {
    const child = spawn(NODE, ['server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        CLIENT_DIR: join(ROOT, 'dist/client-test'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let log = '';
    this.url = await new Promise<string>((ok, fail) => {
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(log);
        if (m) ok(m[1]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
      child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening:\n${log}`)));
    });
    this.port = Number(new URL(this.url).port);
  }

  /** SIGTERM, wait for a clean exit (it flushes), then start again on the same port and data. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<number | null>((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    const code = await exited;
    this.child = null;
    if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM`);
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => this.child?.kill('SIGKILL'));
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Creates a board; returns its id. Its share links are kept in `boardLinks` (BoardPageObject.open uses the facilitator's). */
  async createBoard(title: string, template = 'blank'): Promise<string> {
    return (await this.createBoardWithLinks(title, template)).id;
  }

  async createBoardWithLinks(title: string, template = 'blank'): Promise<{ id: string; links: BoardLinks }> {
    const res = await fetch(`${this.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title, template }),
    });
    if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
    const created = (await res.json()) as { id: string; links: BoardLinks };
    boardLinks.set(created.id, created.links);
    return created;
  }
}

/** One client path per role, `/b/<id>#token=…`. */
export type BoardLinks = Record<'facilitator' | 'editor' | 'commenter' | 'viewer', string>;

/** Share links of the boards the test servers created, by board id (one test process). */
export const boardLinks = new Map<string, BoardLinks>();

/** The link a test opens a board with: the facilitator's, or `/b/<id>` for a board not made here. */
export function linkFor(boardId: string, role: keyof BoardLinks = 'facilitator'): string {
  return boardLinks.get(boardId)?.[role] ?? `/b/${boardId}`;
}
