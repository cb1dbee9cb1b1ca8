import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, startTestServer, type TestServer } from '../testing/testServer.ts';

const INDEX = '<!doctype html><title>Journeyboard test client</title>';

/**
 * A raw request, so that the path reaches the server exactly as written (fetch normalises `..`)
 * and the body as sent (fetch decompresses).
 */
function rawGet(
  url: string,
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; body: string; raw: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    http
      .request({ hostname, port, path: rawPath, headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, body: raw.toString(), raw, headers: res.headers });
        });
      })
      .on('error', reject)
      .end();
  });
}

describe('static client', () => {
  let root: string;
  let server: TestServer;
  beforeAll(async () => {
    root = makeTempDir();
    const clientDir = path.join(root, 'client');
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(clientDir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(clientDir, 'assets', 'main-3f9a2c.js'), 'console.log("hi");');
    fs.writeFileSync(path.join(clientDir, 'assets', 'main-3f9a2c.css'), 'body{}');
    fs.writeFileSync(
      path.join(clientDir, 'assets', 'big-7c1d0e.js'),
      Array.from({ length: 2000 }, (_, i) => `export const value${i} = ${i} * 2;`).join('\n'),
    );
    fs.writeFileSync(path.join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the client folder');
    server = await startTestServer({ clientDir });
  });
  afterAll(async () => {
    await server.close();
    removeDir(root);
  });

  it('serves index.html at / , revalidated on every visit', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  it('answers a board link /b/<id> with index.html (SPA fallback)', async () => {
    const res = await fetch(`${server.url}/b/k3j9x0a1b2c3`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
  });

  it('serves hashed assets with their content type and a year-long immutable cache', async () => {
    const js = await fetch(`${server.url}/assets/main-3f9a2c.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log("hi");');
    const css = await fetch(`${server.url}/assets/main-3f9a2c.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const svg = await fetch(`${server.url}/favicon.svg`);
    // Hono's MIME table, as every text type: SVG is XML text, and ours is UTF-8.
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers HEAD with the headers only', async () => {
    const res = await fetch(`${server.url}/assets/main-3f9a2c.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('console.log("hi");'.length));
    expect(await res.text()).toBe('');
  });

  it('compresses text assets of 1 KB and more for clients that take it (brotli, else gzip), the same bytes once decoded', async () => {
    const big = fs.readFileSync(path.join(root, 'client', 'assets', 'big-7c1d0e.js'));
    const br = await rawGet(server.url, '/assets/big-7c1d0e.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.raw.length).toBeLessThan(big.length / 3);
    expect(Number(br.headers['content-length'])).toBe(br.raw.length);
    expect(zlib.brotliDecompressSync(br.raw).equals(big)).toBe(true);
    const gz = await rawGet(server.url, '/assets/big-7c1d0e.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.raw).equals(big)).toBe(true);
    const plain = await rawGet(server.url, '/assets/big-7c1d0e.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.raw.equals(big)).toBe(true);
    const head = await rawGet(server.url, '/assets/big-7c1d0e.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.headers['content-length']).toBe(br.headers['content-length']);
    expect(head.raw.length).toBe(0);
    // Small files and images go as they are.
    const small = await rawGet(server.url, '/assets/main-3f9a2c.js', { 'Accept-Encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('console.log("hi");');
  });

  it('gives each file version an ETag and answers a revalidation with 304 and no body', async () => {
    const first = await fetch(`${server.url}/`);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/".+"$/);
    const again = await fetch(`${server.url}/`, { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('cache-control')).toBe('no-cache');
    fs.writeFileSync(path.join(root, 'client', 'index.html'), `${INDEX}<!-- deployed again -->`);
    const changed = await fetch(`${server.url}/`, { headers: { 'If-None-Match': tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    fs.writeFileSync(path.join(root, 'client', 'index.html'), INDEX);
  });

  it('404s a missing asset instead of sending HTML as JavaScript', async () => {
    expect((await fetch(`${server.url}/assets/gone-123.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/missing.png`)).status).toBe(404);
  });

  it('never serves a file outside CLIENT_DIR', async () => {
    const encoded = await rawGet(server.url, '/..%2fsecret.txt');
    expect(encoded.status).toBe(404);
    const dotted = await rawGet(server.url, '/../secret.txt');
    expect(dotted.body).not.toContain('outside the client folder');
  });

  it('405 for other methods on client paths', async () => {
    const res = await fetch(`${server.url}/b/k3j9x0a1b2c3`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('static client, not built', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(); // its CLIENT_DIR does not exist
  });
  afterAll(async () => server.close());

  it('explains itself with 503: a page for browsers, JSON otherwise', async () => {
    const page = await fetch(`${server.url}/b/k3j9x0a1b2c3`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('npm run build');
    const json = await fetch(`${server.url}/`);
    expect(json.status).toBe(503);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('client-not-built');
  });

  it('keeps the API working', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
