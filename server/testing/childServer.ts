import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The project's Node 24 (the `node` devDependency), never whatever `node` is on PATH.
const NODE = path.join(root, 'node_modules', '.bin', 'node');

export interface ChildServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly wsUrl: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` to the server's whole process group, as an orchestrator's kill does. */
  killGroup(signal: NodeJS.Signals): void;
}

/**
 * Runs `server/main.ts` as its own process, as production does, and resolves once it prints its
 * `Journeyboard listening on <url>` line (the same regex the e2e fixture uses).
 */
export function spawnServer(
  env: { DATA_DIR: string; CLIENT_DIR: string; [name: string]: string },
  timeoutMs = 15_000,
): Promise<ChildServer> {
  const child = spawn(NODE, [path.join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so killGroup reaches everything it started
  });
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
  };
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup('SIGKILL');
      reject(new Error(`main.ts did not print its listening line within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ child, url, wsUrl: `${url.replace(/^http/, 'ws')}/collab`, output: () => output, exited, killGroup });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`main.ts exited (${code}) before listening:\n${output}`));
    });
  });
}
