import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerConfig } from '../config.ts';
import { createServer, type JourneyboardServer } from '../createServer.ts';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/collab`, for providers. */
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly server: JourneyboardServer;
  /** Closes the server (storing boards); removes dataDir only if startTestServer made it. */
  close(): Promise<void>;
}

export type TestServerOptions = Partial<Omit<ServerConfig, 'port' | 'host'>>;

/**
 * A real server on 127.0.0.1 and a free port, with a real SQLite file. Pass `dataDir` to restart
 * on the same data (the caller then owns and removes it, see makeTempDir).
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDir('journeyboard-data-');
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: options.clientDir ?? path.join(dataDir, 'no-client-here'),
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxMessageBytes: options.maxMessageBytes ?? 16 * 1024 * 1024,
  });
  return {
    url: server.url,
    wsUrl: server.wsUrl,
    port: server.port,
    dataDir,
    server,
    async close() {
      await server.close();
      if (ownsDataDir) removeDir(dataDir);
    },
  };
}

export function makeTempDir(prefix = 'journeyboard-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** `POST /api/boards`; returns the new board's id (throws unless 201). */
export async function createBoardOverHttp(url: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
