import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBoardOverHttp,
  makeTempDir,
  removeDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';

describe('HTTP security headers and CORS', () => {
  let server: TestServer;
  let clientDir: string | undefined;
  afterEach(async () => {
    await server?.close();
    if (clientDir) removeDir(clientDir);
  });

  it('every answer (API, page, error) carries a strict CSP with no inline script, and the usual headers', async () => {
    clientDir = makeTempDir();
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>x</title>');
    server = await startTestServer({ clientDir });
    for (const p of ['/healthz', '/', '/b/k3j9x0a1b2c3', '/api/nothing']) {
      const res = await fetch(`${server.url}${p}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('CORS: same origin only by default; a foreign origin cannot create boards or read answers', async () => {
    server = await startTestServer();
    const foreign = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      body: '{}',
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const read = await fetch(`${server.url}/api/templates`, { headers: { Origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/api/boards`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example' },
    });
    expect(preflight.status).toBe(403);
    const same = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      body: '{}',
      headers: { Origin: server.url, 'Content-Type': 'application/json' },
    });
    expect(same.status).toBe(201);
  });

  it('CORS_ORIGINS lets a configured origin in', async () => {
    server = await startTestServer({ corsOrigins: ['https://intranet.example'] });
    const preflight = await fetch(`${server.url}/api/boards`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://intranet.example' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    await createBoardOverHttp(server.url, {}, { Origin: 'https://intranet.example' });
  });
});
