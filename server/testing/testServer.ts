import type { Repositories } from '../repositories/Repositories.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateBoardResponse } from '../../shared/protocol/http.ts';
import { ROLES, tokenFromFragment, type Role } from '../../shared/protocol/roles.ts';
import { ShareLinks } from '../access/ShareLinks.ts';
import type { ServerConfig } from '../config/config.ts';
import { rememberToken } from './providers.ts';
import { createServer, type CreateServerOptions, type JourneyboardServer } from '../createServer.ts';

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

export type TestServerOptions = Partial<Omit<ServerConfig, 'port' | 'host'>> & Pick<CreateServerOptions, 'comments'>;

/**
 * A real server on 127.0.0.1 and a free port, with a real SQLite file. Pass `dataDir` to restart
 * on the same data (the caller then owns and removes it, see makeTempDir).
 */
export async function startTestServer(
  options: TestServerOptions = {},
  serverOptions: Pick<CreateServerOptions, 'store' | 'now' | 'saveRetry'> = {},
): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDir('journeyboard-data-');
  const server = await createServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      clientDir: options.clientDir ?? path.join(dataDir, 'no-client-here'),
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      maxMessageBytes: options.maxMessageBytes ?? 16 * 1024 * 1024,
      createToken: options.createToken,
      adminToken: options.adminToken,
      corsOrigins: options.corsOrigins,
      allowedHosts: options.allowedHosts,
      limits: options.limits,
      checkpointIntervalMs: options.checkpointIntervalMs,
      databaseUrl: options.databaseUrl,
      databaseSchema: options.databaseSchema,
      redisUrl: options.redisUrl,
      redisPrefix: options.redisPrefix,
      logFollowMs: options.logFollowMs,
      metricsToken: options.metricsToken,
      trustProxy: options.trustProxy,
      oidc: options.oidc,
      publicUrl: options.publicUrl,
      sessionTtlMs: options.sessionTtlMs,
      secretsKey: options.secretsKey,
      webhookAllowPrivate: options.webhookAllowPrivate,
      webhookSettleMs: options.webhookSettleMs,
      trackers: options.trackers,
    },
    { ...serverOptions, comments: options.comments },
  );
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

/**
 * `POST /api/boards`; returns the new board's id (throws unless 201) and remembers its
 * facilitator token for connectProvider. See createBoardWithLinks for the tokens themselves.
 */
export async function createBoardOverHttp(
  url: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  return (await createBoardWithLinks(url, body, headers)).id;
}

/** `POST /api/boards`; the id and the token of each role's link. */
export async function createBoardWithLinks(
  url: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ id: string; tokens: Record<Role, string> }> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as CreateBoardResponse;
  const tokens = Object.fromEntries(
    ROLES.map((r) => [r, tokenFromFragment(new URL(created.links[r], url).hash)!]),
  ) as Record<Role, string>;
  rememberToken(created.id, tokens.facilitator);
  return { id: created.id, tokens };
}

/** Share links for a board written straight into the store (not over HTTP); remembered like createBoardOverHttp's. */
export async function grantLinks(store: Repositories, boardId: string): Promise<Record<Role, string>> {
  const tokens = await new ShareLinks(store.boards).create(boardId);
  rememberToken(boardId, tokens.facilitator);
  return tokens;
}
