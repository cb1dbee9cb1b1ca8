import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CompressedFiles, isCompressible, pickEncoding } from './compressedFiles.ts';
import { HttpError, sendError } from './respond.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

// Vite puts a content hash in every file name under assets/, so those never change: cache them
// for a year. Everything else (index.html above all) is revalidated, so a deploy shows at once.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export type StaticClient = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;

/**
 * Serves the built client from `clientDir`. A path that is not a file and does not look like one
 * (`/b/<id>`, `/`) gets index.html, so the client's router can show it (SPA fallback); a missing
 * asset is a 404, never HTML posing as JavaScript. If the client was not built, 503 says so.
 */
export function createStaticClient(clientDir: string): StaticClient {
  const root = path.resolve(clientDir);
  const indexFile = path.join(root, 'index.html');
  const compressed = new CompressedFiles();

  return async (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed here`, { Allow: 'GET, HEAD' });
    }
    if (!(await isFile(indexFile))) return notBuilt(req, res);

    const file = resolveInside(root, pathname);
    if (file && (await isFile(file)))
      return sendFile(res, file, pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE, compressed);
    if (pathname.startsWith('/assets/') || path.extname(pathname) !== '') {
      throw new HttpError(404, 'not-found', `There is no file ${pathname}`);
    }
    return sendFile(res, indexFile, REVALIDATE, compressed);
  };
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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(
  res: ServerResponse,
  file: string,
  cacheControl: string,
  compressed: CompressedFiles,
): Promise<void> {
  const { size, mtimeMs } = await fs.promises.stat(file);
  const extension = path.extname(file).toLowerCase();
  const headers: Record<string, string | number> = {
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  };
  const encoding = isCompressible(extension, size) ? pickEncoding(res.req.headers['accept-encoding']) : null;
  if (isCompressible(extension, size)) headers.Vary = 'Accept-Encoding';
  if (encoding) {
    const body = await compressed.get(file, `${mtimeMs}-${size}`, encoding, () => fs.promises.readFile(file));
    res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
    res.end(res.req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, headers);
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(fs.createReadStream(file), res);
}

function notBuilt(req: IncomingMessage, res: ServerResponse): void {
  // The message names CLIENT_DIR, not the absolute path: it is shown to anyone who asks.
  const message = `The Journeyboard client is not built (no index.html in CLIENT_DIR). Run "npm run build", or start with "npm start", which builds it.`;
  if (!(req.headers.accept ?? '').includes('text/html')) {
    sendError(res, new HttpError(503, 'client-not-built', message, { 'Retry-After': '10' }));
    return;
  }
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Journeyboard is not built</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Journeyboard is starting without its client</h1><p>${escapeHtml(message)}</p></body></html>`;
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(page),
    'Cache-Control': 'no-store',
    'Retry-After': '10',
  });
  res.end(page);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
