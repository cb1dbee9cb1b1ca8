import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { CompressedFiles, isCompressible, pickEncoding } from './compressedFiles.ts';
import { HttpError } from './httpError.ts';
import type { HttpContext } from './httpEnv.ts';

// Vite puts a content hash in every file name under assets/, so those never change: cache them
// for a year. Everything else (index.html above all) is revalidated, so a deploy shows at once.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built client from `clientDir` (GET and HEAD; @hono/node-server's serveStatic sends
 * the file, an ETag from its version lets hono/etag answer 304). A path that is not a file and does not look like one (`/b/<id>`, `/`) gets
 * index.html, so the client's router can show it (SPA fallback); a missing asset is a 404, never
 * HTML posing as JavaScript. If the client was not built, 503 says so. Text files of 1 KB and
 * more go brotli- or gzip-compressed from a cache made once per file version (CompressedFiles):
 * hono/compress would compress every answer again and knows no brotli.
 */
export function staticClient(clientDir: string): MiddlewareHandler {
  const root = path.resolve(clientDir);
  const indexFile = path.join(root, 'index.html');
  const compressed = new CompressedFiles();

  const prepare: MiddlewareHandler = async (c) => {
    if (!(await statFile(indexFile))) return notBuilt(c);
    const file = resolveInside(root, c.req.path);
    const stats = file ? await statFile(file) : null;
    if (!file || !stats) {
      if (c.req.path.startsWith('/assets/') || path.extname(c.req.path) !== '')
        throw new HttpError(404, 'not-found', `There is no file ${c.req.path}`);
      return sendFile(c, indexFile, REVALIDATE);
    }
    return sendFile(c, file, c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE, stats);
  };

  const sendFile = async (c: HttpContext, file: string, cacheControl: string, known?: fs.Stats) => {
    const stats = known ?? (await statFile(file));
    if (!stats) throw new HttpError(404, 'not-found', `There is no file ${c.req.path}`);
    const extension = path.extname(file).toLowerCase();
    c.header('Cache-Control', cacheControl);
    // The file's version as its validator: hono/etag then answers If-None-Match without reading it.
    c.header('ETag', `W/"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`);
    const compressible = isCompressible(extension, stats.size);
    if (compressible) c.header('Vary', 'Accept-Encoding');
    const encoding = compressible ? pickEncoding(c.req.header('accept-encoding')) : null;
    if (encoding) {
      const version = `${stats.mtimeMs}-${stats.size}`;
      const body = await compressed.get(file, version, encoding, () => fs.promises.readFile(file));
      // Hono drops the body of a HEAD answer; Content-Length still says what GET would send.
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': getMimeType(file) ?? 'application/octet-stream',
        'Content-Encoding': encoding,
        'Content-Length': String(body.length),
      });
    }
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

async function statFile(file: string): Promise<fs.Stats | null> {
  try {
    const stats = await fs.promises.stat(file);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
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
