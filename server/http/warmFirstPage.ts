import fs from 'node:fs';
import path from 'node:path';
import type { ClientFiles } from './clientFiles.ts';
import { type CompressedFiles, isCompressible } from './compressedFiles.ts';

/** The built files index.html names: `/assets/<hashed name>`, nothing that could leave the folder. */
const NAMED_ASSET = /(?:src|href)="\/(assets\/[\w.-]+)"/g;

/**
 * Compresses index.html and the scripts and styles it names, brotli (what browsers take), once
 * the server starts: every first page load asks for all of them at once, and the first one after
 * a start would otherwise wait while ~1 MB of JavaScript is compressed, the small files queued on
 * libuv's threads behind the large ones (the page's first script among them). One file at a
 * time, so requests meanwhile still find a free thread. A file that fails is left to the request.
 */
export async function warmFirstPage(root: string, files: ClientFiles, compressed: CompressedFiles): Promise<void> {
  const indexFile = path.join(root, 'index.html');
  const index = await files.get(indexFile, false);
  if (!index?.bytes) return;
  const named = [...index.bytes.toString('utf8').matchAll(NAMED_ASSET)].map((m) => path.join(root, m[1]!));
  for (const file of [indexFile, ...named]) {
    const found = await files.get(file, file !== indexFile).catch(() => null);
    if (!found || !isCompressible(path.extname(file).toLowerCase(), found.size)) continue;
    const read = () => (found.bytes ? Promise.resolve(found.bytes) : fs.promises.readFile(file));
    await compressed.get(file, found.version, 'br', read).catch(() => {});
  }
}
