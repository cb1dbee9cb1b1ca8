import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { ContentEncoding } from './compressedFiles.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface EncodedStatesOptions {
  /** How long one encoding of a board is served; the WebSocket sync brings anything newer. */
  readonly maxAgeMs?: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly at: number;
  readonly raw: Promise<Uint8Array>;
  readonly bodies: Map<ContentEncoding | 'identity', Promise<Buffer>>;
}

/**
 * Board states (GET /api/boards/:id/state) encoded once and served for a couple of seconds: when
 * a whole workshop opens the board at once, the server encodes and compresses a 5,000-note board
 * (~0.1 s of its event loop) once, not once per person. Compression is the fast kind (brotli 1,
 * gzip 1, on libuv's threads): 2.1 MB becomes ~0.43 MB in ~16 ms.
 */
export class EncodedStates {
  private readonly entries = new Map<string, Entry>();
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: EncodedStatesOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 2_000;
    this.maxEntries = options.maxEntries ?? 64;
    this.now = options.now ?? Date.now;
  }

  /** The body for `encoding` (null: uncompressed); `encode` runs when no fresh encoding is kept. */
  get(boardId: string, encoding: ContentEncoding | null, encode: () => Promise<Uint8Array>): Promise<Buffer> {
    const entry = this.fresh(boardId) ?? this.add(boardId, encode);
    const key = encoding ?? 'identity';
    let body = entry.bodies.get(key);
    if (!body) {
      body = entry.raw.then((raw) => compress(raw, encoding));
      // A failure is not kept: the next request tries again.
      body.catch(() => this.drop(boardId, entry));
      entry.bodies.set(key, body);
    }
    return body;
  }

  private fresh(boardId: string): Entry | null {
    const entry = this.entries.get(boardId);
    if (!entry) return null;
    if (this.now() - entry.at <= this.maxAgeMs) return entry;
    this.entries.delete(boardId);
    return null;
  }

  private add(boardId: string, encode: () => Promise<Uint8Array>): Entry {
    // Oldest first (a Map keeps insertion order).
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry: Entry = { at: this.now(), raw: encode(), bodies: new Map() };
    entry.raw.catch(() => this.drop(boardId, entry));
    this.entries.set(boardId, entry);
    // Not kept in memory past its age when nobody asks again.
    setTimeout(() => this.drop(boardId, entry), this.maxAgeMs + 1).unref();
    return entry;
  }

  private drop(boardId: string, entry: Entry): void {
    if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
  }
}

function compress(raw: Uint8Array, encoding: ContentEncoding | null): Promise<Buffer> {
  if (encoding === 'br') return brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength } });
  if (encoding === 'gzip') return gzip(raw, { level: 1 });
  return Promise.resolve(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
}
