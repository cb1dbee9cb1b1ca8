import fs from 'node:fs';

/** Files above this are streamed from disk on each request rather than kept in memory. */
const MAX_KEPT_BYTES = 4 * 1024 * 1024;

/** One version of a file of the built client. */
export interface ClientFile {
  readonly size: number;
  /** `size-mtime`: changes when the file is written again (a redeploy while running). */
  readonly version: string;
  /** A weak ETag from the version; answering If-None-Match needs no read of the file. */
  readonly etag: string;
  /** The bytes, when at most MAX_KEPT_BYTES; read once per version. */
  readonly bytes: Buffer | null;
}

/**
 * The built client's files as the server answers them, so a request costs neither a stat nor a
 * read of the disk. Vite names every file under assets/ by its content hash, so such a file never
 * changes: it is looked up once (`immutable`). Any other file (index.html above all) is checked by
 * an async stat on each request, so a redeploy while running shows at once. A file that is
 * missing is not remembered: it may be built later.
 */
export class ClientFiles {
  private readonly files = new Map<string, Promise<ClientFile | null>>();

  get(file: string, immutable: boolean): Promise<ClientFile | null> {
    const known = this.files.get(file);
    if (known && immutable) return known;
    return this.refresh(file, known);
  }

  private async refresh(file: string, known: Promise<ClientFile | null> | undefined): Promise<ClientFile | null> {
    const stats = await statFile(file);
    if (!stats) {
      this.files.delete(file);
      return null;
    }
    const version = `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`;
    const current = await known;
    if (current?.version === version) return current;
    const loading = (async () => ({
      size: stats.size,
      version,
      etag: `W/"${version}"`,
      bytes: stats.size <= MAX_KEPT_BYTES ? await fs.promises.readFile(file) : null,
    }))();
    // A failed read is not kept: the next request tries again.
    loading.catch(() => this.files.delete(file));
    this.files.set(file, loading);
    return loading;
  }
}

async function statFile(file: string): Promise<fs.Stats | null> {
  try {
    const stats = await fs.promises.stat(file);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

/** Whether an If-None-Match header names `etag` (weak comparison, as for a GET; `*` matches). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}
