import zlib from 'node:zlib';
import { promisify } from 'node:util';
import * as Y from 'yjs';

/** The Content-Encodings the HTTP layer negotiates (http/compressedFiles.ts `pickEncoding`). */
export type ContentEncoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface EncodedStatesOptions {
  /** How long an encoding is served whatever happened since: the WebSocket sync brings the rest. */
  readonly maxAgeMs?: number;
  /** How long an encoding of an unchanged live board is kept. */
  readonly maxIdleMs?: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly at: number;
  readonly version: string | undefined;
  readonly bodies: Map<ContentEncoding | 'identity', Promise<Buffer>>;
}

/**
 * Board states (GET /api/boards/:id/state) encoded once and served again: for a few seconds
 * whatever changed (a whole workshop opening the board at once), and for as long as a live board
 * has not changed (people joining over the morning). Encoding a 5,000-note board takes the
 * server's event loop ~0.1–0.2 s. Compression is the fast kind (brotli 1, gzip 1, on libuv's
 * threads): 1.7 MB becomes ~0.23 MB in ~16 ms. Only compressed bodies are kept (~0.23 MB each).
 */
export class EncodedStates {
  private readonly entries = new Map<string, Entry>();
  private readonly maxAgeMs: number;
  private readonly maxIdleMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: EncodedStatesOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 2_000;
    this.maxIdleMs = options.maxIdleMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 64;
    this.now = options.now ?? Date.now;
  }

  /**
   * The body for `encoding` (null: uncompressed). `encode` runs when no usable encoding is kept;
   * `version` (docVersion of a live board) lets an encoding outlive maxAgeMs while it matches.
   */
  get(
    boardId: string,
    encoding: ContentEncoding | null,
    encode: () => Promise<Uint8Array>,
    version?: string,
  ): Promise<Buffer> {
    const entry = this.usable(boardId, version) ?? this.add(boardId, version);
    const key = encoding ?? 'identity';
    let body = entry.bodies.get(key);
    if (!body) {
      body = encode().then((raw) => compress(raw, encoding));
      // A failure is not kept: the next request tries again.
      body.catch(() => this.drop(boardId, entry));
      entry.bodies.set(key, body);
    }
    return body;
  }

  /**
   * Encodes a live board now (brotli, what browsers take), so the next page to open it gets its
   * download at once instead of waiting ~0.1–0.2 s for the encoding; kept while it is unchanged.
   */
  warm(boardId: string, doc: Y.Doc): void {
    this.get(boardId, 'br', async () => Y.encodeStateAsUpdateV2(doc), docVersion(doc)).catch(() => {});
  }

  private usable(boardId: string, version: string | undefined): Entry | null {
    const entry = this.entries.get(boardId);
    if (!entry) return null;
    const age = this.now() - entry.at;
    if (age <= this.maxAgeMs || (version !== undefined && entry.version === version && age <= this.maxIdleMs))
      return entry;
    this.entries.delete(boardId);
    return null;
  }

  private add(boardId: string, version: string | undefined): Entry {
    // Oldest first (a Map keeps insertion order).
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry: Entry = { at: this.now(), version, bodies: new Map() };
    this.entries.set(boardId, entry);
    // Not kept in memory past its use when nobody asks again.
    setTimeout(() => this.drop(boardId, entry), (version === undefined ? this.maxAgeMs : this.maxIdleMs) + 1).unref();
    return entry;
  }

  private drop(boardId: string, entry: Entry): void {
    if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
  }
}

const versions = new WeakMap<Y.Doc, { readonly id: number; changes: number }>();
let nextDocId = 0;

/**
 * Changes whenever `doc` does; different for every document object. A transaction that changed
 * nothing does not count: every connection's sync handshake applies one (its sync step 2 holds
 * nothing the server lacks), and counting it threw away the download StateWarmup had just encoded.
 */
export function docVersion(doc: Y.Doc): string {
  let version = versions.get(doc);
  if (!version) {
    const created = { id: ++nextDocId, changes: 0 };
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (changedAnything(tr)) created.changes++;
    });
    versions.set(doc, created);
    version = created;
  }
  return `${version.id}:${version.changes}`;
}

function changedAnything(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

function compress(raw: Uint8Array, encoding: ContentEncoding | null): Promise<Buffer> {
  if (encoding === 'br')
    return brotli(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength },
    });
  if (encoding === 'gzip') return gzip(raw, { level: 1 });
  return Promise.resolve(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
}
