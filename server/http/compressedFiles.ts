import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { ContentEncoding } from '../live/encodedStates.ts';

export type { ContentEncoding };

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.txt', '.svg']);
/** Below this a compressed body saves less than the headers cost. */
const MIN_BYTES = 1024;
/** Distinct file versions kept; a redeploy while running changes index.html's mtime. */
const MAX_ENTRIES = 256;

export function isCompressible(extension: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE.has(extension);
}

/** Brotli if the client takes it, else gzip, else null (identity). `q=0` refuses an encoding. */
export function pickEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part
      .toLowerCase()
      .split(';')
      .map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

/**
 * The built client compressed once per file version and encoding, kept in memory (a few MB):
 * about 1 MB of JavaScript goes out as under a third of that, without a proxy in front
 * (`npm start`). Brotli at quality 5: a cold asset is compressed in tens of ms, not seconds.
 */
export class CompressedFiles {
  private readonly cache = new Map<string, Promise<Buffer>>();

  get(file: string, version: string, encoding: ContentEncoding, read: () => Promise<Buffer>): Promise<Buffer> {
    const key = `${encoding}\0${version}\0${file}`;
    let entry = this.cache.get(key);
    if (!entry) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      entry = read().then((raw) =>
        encoding === 'br'
          ? brotli(raw, {
              params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
            })
          : gzip(raw),
      );
      // A failed read or compression is not kept: the next request tries again.
      entry.catch(() => this.cache.delete(key));
      this.cache.set(key, entry);
    }
    return entry;
  }
}
