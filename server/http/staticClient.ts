import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { type ClientFile, ClientFiles, matchesEtag } from './clientFiles.ts';
import { CompressedFiles, isCompressible, pickEncoding } from './compressedFiles.ts';
import { HttpError } from './httpError.ts';
import type { HttpContext } from './httpEnv.ts';
import { warmFirstPage } from './warmFirstPage.ts';

// Vite puts a content hash in every file name under assets/, so those never change: cache them
// for a year. Everything else (index.html above all) is revalidated, so a deploy shows at once.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built client from `clientDir` (GET and HEAD) from memory (ClientFiles), with an
 * ETag per file version and 304 for a revalidation. A path that is not a file and does not look
 * like one (`/b/<id>`, `/`) gets index.html, so the client's router can show it (SPA fallback); a
 * missing asset is a 404, never HTML posing as JavaScript. If the client was not built, 503 says
 * so. Text files of 1 KB and more go brotli- or gzip-compressed from a cache made once per file
 * version (CompressedFiles): hono/compress would compress every answer again and knows no brotli.
 * What a first page load asks for is compressed at start (warmFirstPage.ts).
 */
export function staticClient(clientDir: string): MiddlewareHandler {
  const root = path.resolve(clientDir);
  const indexFile = path.join(root, 'index.html');
  const files = new ClientFiles();
  const compressed = new CompressedFiles();
  void warmFirstPage(root, files, compressed);

  const prepare: MiddlewareHandler = async (c) => {
    const file = resolveInside(root, c.req.path);
    const immutable = c.req.path.startsWith('/assets/');
    const found = file ? await files.get(file, immutable) : null;
    if (file && found) return sendFile(c, file, found, immutable ? IMMUTABLE : REVALIDATE);
    const index = await files.get(indexFile, false);
    if (!index) return notBuilt(c);
    if (immutable || path.extname(c.req.path) !== '')
      throw new HttpError(404, 'not-found', `There is no file ${c.req.path}`);
    return sendFile(c, indexFile, index, REVALIDATE);
  };

  const sendFile = async (c: HttpContext, file: string, found: ClientFile, cacheControl: string) => {
    const compressible = isCompressible(path.extname(file).toLowerCase(), found.size);
    const headers: Record<string, string> = { 'Cache-Control': cacheControl, ETag: found.etag };
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (matchesEtag(c.req.header('if-none-match'), found.etag)) return c.body(null, 304, headers);
    headers['Content-Type'] = getMimeType(file) ?? 'application/octet-stream';
    const encoding = compressible ? pickEncoding(c.req.header('accept-encoding')) : null;
    const read = () => (found.bytes ? Promise.resolve(found.bytes) : fs.promises.readFile(file));
    const body = encoding ? await compressed.get(file, found.version, encoding, read) : found.bytes;
    if (encoding) headers['Content-Encoding'] = encoding;
    if (body) {
      // Hono drops the body of a HEAD answer; Content-Length still says what GET would send.
      headers['Content-Length'] = String(body.length);
      return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
    }
    // Too large to keep in memory: streamed from disk.
    c.header('Cache-Control', cacheControl);
    c.header('ETag', found.etag);
    if (compressible) c.header('Vary', 'Accept-Encoding');
    const served = await serveStatic({ root, path: path.relative(root, file) })(c, async () => {});
    if (!served) throw new HttpError(404, 'not-found', `There is no file ${c.req.path}`);
    return served;
  };

  return prepare;
}

/** The file `pathname` names under root, or null if it escapes root (`..`, NUL, bad escapes). */
function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${decoded}`);
  return file.startsWith(root + path.sep) ? file : null;
}

function notBuilt(c: HttpContext): Response {
  // The message names CLIENT_DIR, not the absolute path: it is shown to anyone who asks.
  const message = `The Journeyboard client is not built (no index.html in CLIENT_DIR). Run "npm run build", or start with "npm start", which builds it.`;
  if (!(c.req.header('accept') ?? '').includes('text/html'))
    throw new HttpError(503, 'client-not-built', message, { 'Retry-After': '10' });
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Journeyboard is not built</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Journeyboard is starting without its client</h1><p>${escapeHtml(message)}</p></body></html>`;
  return c.body(page, 503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': '10',
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
