import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config.ts';
import { REQUEST_TIMEOUTS } from '../http/requestTimeouts.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { rawRequest, rawUpgrade, stalledRequest } from './rawHttp.ts';
import { boardCallHeaders } from '../testing/identities.ts';

/**
 * A stranger reaching the port: DNS rebinding (a foreign name in Host), bodies that are not
 * JSON, the admin token in a URL, and sockets that stall mid-request. Every request here is
 * raw HTTP, as an outside client would send it.
 */
const ADMIN = 'admin-token-0123456789';
const CREATE = 'create-token-0123456789';

describe('Host allowlist (DNS rebinding)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ allowedHosts: ['board.example.com'] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a board creation for a foreign Host, even with a matching Origin: 403 host-not-allowed, no board', async () => {
    const before = (await server.server.store.boards.listBoards()).length;
    const answer = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/boards',
      headers: { Host: 'evil.example', Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'host-not-allowed', message: expect.stringContaining('ALLOWED_HOSTS') },
    });
    expect((await server.server.store.boards.listBoards()).length).toBe(before);
  });

  it.each(['/', '/healthz', '/api/templates', '/assets/x.js'])('refuses %s for a foreign Host', async (path) => {
    const answer = await rawRequest(server.port, { path, headers: { Host: `evil.example:${server.port}` } });
    expect(answer.status).toBe(403);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST', 'board.example.com'])(
    'answers Host %s (with a port too)',
    async (host) => {
      for (const header of [host, `${host}:${server.port}`]) {
        expect((await rawRequest(server.port, { path: '/healthz', headers: { Host: header } })).status, header).toBe(
          200,
        );
      }
    },
  );

  it.each([
    '192.168.1.20',
    'sub.board.example.com',
    'localhost.evil.example',
    'evil.example@127.0.0.1',
    'board.example.com.evil',
  ])('a server bound to loopback refuses Host %j', async (host) => {
    expect((await rawRequest(server.port, { path: '/healthz', headers: { Host: host } })).status).toBe(403);
  });

  it('refuses a request without a Host (HTTP/1.0)', async () => {
    expect(await stalledRequest(server.port, 'GET /healthz HTTP/1.0\r\n\r\n').closed).toMatch(/^HTTP\/1\.1 403/);
  });

  it('refuses the WebSocket upgrade for a foreign Host with 403 and a JSON reason; upgrades a loopback Host', async () => {
    const refused = await rawUpgrade(server.port, '/collab', { Host: 'evil.example' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'host-not-allowed' } });
    expect((await rawUpgrade(server.port, '/collab', { Host: `127.0.0.1:${server.port}` })).status).toBe(101);
  });
});

describe('content types, operator tokens, source maps', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: ADMIN });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (path: string, body: string | undefined, headers: Record<string, string>) =>
    rawRequest(server.port, { method: 'POST', path, body, headers });

  it.each([
    ['text/plain', '/api/boards'],
    ['application/x-www-form-urlencoded', '/api/boards'],
    ['multipart/form-data; boundary=x', '/api/boards/import'],
    [undefined, '/api/boards'],
  ])('a %s body is refused with 415 before any route reads it (%s)', async (type, path) => {
    const before = (await server.server.store.boards.listBoards()).length;
    const answer = await post(path, '{"title":"Form post"}', type ? { 'Content-Type': type } : {});
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'unsupported-media-type', message: expect.stringContaining('application/json') },
    });
    expect((await server.server.store.boards.listBoards()).length).toBe(before);
  });

  it('JSON bodies (with a charset) and requests without a body are still answered', async () => {
    expect(
      (await post('/api/boards', '{"title":"Fine"}', { 'Content-Type': 'application/json; charset=utf-8' })).status,
    ).toBe(201);
    expect((await post('/api/boards', undefined, {})).status).toBe(201);
    const { id, tokens } = await createBoardWithLinks(server.url);
    expect(
      (
        await post(
          `/api/boards/${id}/links/viewer/rotate`,
          undefined,
          await boardCallHeaders(server.url, id, tokens.facilitator),
        )
      ).status,
    ).toBe(200);
  });

  it('takes ADMIN_TOKEN only as a Bearer header, never from ?token=', async () => {
    expect((await rawRequest(server.port, { path: `/api/boards?token=${ADMIN}` })).status).toBe(401);
    expect(
      (await rawRequest(server.port, { path: '/api/boards', headers: { Authorization: `Bearer ${ADMIN}` } })).status,
    ).toBe(200);
  });

  it('takes CREATE_TOKEN only as a Bearer header too', async () => {
    const guarded = await startTestServer({ createToken: CREATE });
    try {
      expect((await rawRequest(guarded.port, { method: 'POST', path: `/api/boards?token=${CREATE}` })).status).toBe(
        401,
      );
      expect(
        (
          await rawRequest(guarded.port, {
            method: 'POST',
            path: '/api/boards',
            headers: { Authorization: `Bearer ${CREATE}` },
          })
        ).status,
      ).toBe(201);
    } finally {
      await guarded.close();
    }
  });

  it('builds the production client without source maps unless SOURCEMAPS=true', () => {
    const build = (mode: string) =>
      (viteConfig as (env: { mode: string; command: 'build' }) => { build?: { sourcemap?: unknown } })({
        mode,
        command: 'build',
      }).build;
    const saved = process.env.SOURCEMAPS;
    try {
      delete process.env.SOURCEMAPS;
      expect(build('production')?.sourcemap).toBe(false);
      process.env.SOURCEMAPS = 'true';
      expect(build('production')?.sourcemap).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SOURCEMAPS;
      else process.env.SOURCEMAPS = saved;
    }
  });
});

describe('slow requests', () => {
  let server: TestServer;
  let http: Server;
  beforeAll(async () => {
    server = await startTestServer();
    http = server.server.hocuspocus.server!.httpServer;
  });
  afterAll(async () => {
    await server.close();
  });

  it('sets header and request timeouts for an interactive app, far below Node’s 60 s and 300 s', () => {
    expect(http.headersTimeout).toBe(REQUEST_TIMEOUTS.headersTimeoutMs);
    expect(http.requestTimeout).toBe(REQUEST_TIMEOUTS.requestTimeoutMs);
    expect(REQUEST_TIMEOUTS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(REQUEST_TIMEOUTS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
  });

  it('cuts sockets that trickle their headers or body, and never an open WebSocket', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' });
    const provider = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    // The production limits, shortened so that the test does not wait 10 s (Node reads them at
    // each check; the check interval is ours, set before the server listened).
    http.headersTimeout = 300;
    http.requestTimeout = 600;
    try {
      const slowHeaders = stalledRequest(server.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
      const slowBody = stalledRequest(
        server.port,
        `POST /api/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ti`,
      );
      expect(await slowHeaders.closed).toMatch(/^HTTP\/1\.1 408/);
      expect(await slowBody.closed).toMatch(/^HTTP\/1\.1 408/);

      // The WebSocket opened before both is still there, and still syncs.
      provider.document.transact(() => provider.document.getMap('meta').set('title', 'Still here'));
      await waitForAck(provider);
      await waitFor(() => server.server.hocuspocus.documents.get(id)?.getMap('meta').get('title') === 'Still here', {
        what: 'the edit to reach the server',
      });
    } finally {
      http.headersTimeout = REQUEST_TIMEOUTS.headersTimeoutMs;
      http.requestTimeout = REQUEST_TIMEOUTS.requestTimeoutMs;
      provider.destroy();
    }
  });
});
