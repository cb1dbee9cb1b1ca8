import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BoardDump, BoardStore, ShareLinkRow } from '../storage/BoardStore.ts';
import type { StoredTemplate } from '../storage/TemplateStore.ts';
import { SqliteBoardStore, SQLITE_FILE_NAME } from '../storage/SqliteBoardStore.ts';

/**
 * Backups are folders: `manifest.json`, plus either `journeyboard.sqlite` (a SQLite store, copied
 * with `VACUUM INTO`: one consistent snapshot of the whole database while the server runs) or
 * `boards.ndjson` (any store, PostgreSQL in practice: one line per board, each board read in one
 * REPEATABLE READ transaction through the store). Restore reads either kind into any store, so a
 * backup also moves boards from SQLite to PostgreSQL and back. Templates saved on the server go
 * along: in the SQLite copy, or as `templates.ndjson` (one StoredTemplate a line).
 */
export const MANIFEST = 'manifest.json';
export const NDJSON = 'boards.ndjson';
export const TEMPLATES_NDJSON = 'templates.ndjson';

export interface BackupManifest {
  readonly format: 'journeyboard-backup';
  readonly version: 1;
  readonly createdAt: number;
  readonly kind: 'sqlite' | 'ndjson';
  readonly boards: number;
  /** Saved templates (absent in backups made before they were included). */
  readonly templates?: number;
}

/** A board with its share links, as one line of `boards.ndjson`. */
interface DumpLine {
  readonly dump: BoardDump;
  readonly shareLinks: readonly ShareLinkRow[];
}

export async function backup(store: BoardStore, dir: string, now = Date.now()): Promise<BackupManifest> {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length > 0) throw new Error(`The backup folder ${dir} is not empty`);
  let manifest: BackupManifest;
  if (store instanceof SqliteBoardStore) {
    store.backupTo(path.join(dir, SQLITE_FILE_NAME));
    const copy = SqliteBoardStore.open(dir);
    const boards = (await copy.listBoards()).length;
    const templates = await copy.templates.countTemplates();
    await copy.close();
    removeSidecars(path.join(dir, SQLITE_FILE_NAME));
    manifest = { format: 'journeyboard-backup', version: 1, createdAt: now, kind: 'sqlite', boards, templates };
  } else {
    const out = fs.openSync(path.join(dir, NDJSON), 'w');
    let boards = 0;
    try {
      for (const { id } of await store.listBoards()) {
        const dump = await store.exportBoard(id);
        if (!dump) continue; // deleted meanwhile
        const line: DumpLine = { dump, shareLinks: await store.loadShareLinks(id) };
        fs.writeSync(out, `${JSON.stringify(line, bytesToBase64)}\n`);
        boards++;
      }
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    const templates = await store.templates.listTemplates();
    fs.writeFileSync(path.join(dir, TEMPLATES_NDJSON), templates.map((t) => `${JSON.stringify(t)}\n`).join(''), {
      flush: true,
    });
    manifest = {
      format: 'journeyboard-backup',
      version: 1,
      createdAt: now,
      kind: 'ndjson',
      boards,
      templates: templates.length,
    };
  }
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Writes every board of the backup into `target`, replacing boards with the same id (their log,
 * checkpoints and share links too), and every saved template, replacing one with the same id.
 * Boards and templates not in the backup are left alone. Run it with the server stopped: a
 * running server keeps open boards in memory and would write them back.
 */
export async function restore(dir: string, target: BoardStore): Promise<{ boards: number; templates: number }> {
  const manifest = readManifest(dir);
  let boards = 0;
  for await (const line of readBackup(dir, manifest)) {
    await target.importBoard(line.dump);
    if (line.shareLinks.length > 0) await target.saveShareLinks(line.dump.board.id, line.shareLinks);
    boards++;
  }
  let templates = 0;
  for (const t of await readTemplates(dir, manifest)) {
    await target.templates.deleteTemplate(t.id);
    await target.templates.addTemplate(t);
    templates++;
  }
  return { boards, templates };
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${dir} is not a Journeyboard backup (no ${MANIFEST})`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'journeyboard-backup' || manifest.version !== 1)
    throw new Error(`${file}: unknown backup format`);
  return manifest;
}

async function* readBackup(dir: string, manifest: BackupManifest): AsyncGenerator<DumpLine> {
  if (manifest.kind === 'ndjson') {
    for (const text of fs.readFileSync(path.join(dir, NDJSON), 'utf8').split('\n')) {
      if (text.trim() !== '') yield JSON.parse(text, base64ToBytes) as DumpLine;
    }
    return;
  }
  const { source, dispose } = openSqliteCopy(dir);
  try {
    for (const { id } of await source.listBoards()) {
      const dump = await source.exportBoard(id);
      if (dump) yield { dump, shareLinks: await source.loadShareLinks(id) };
    }
  } finally {
    await dispose();
  }
}

async function readTemplates(dir: string, manifest: BackupManifest): Promise<StoredTemplate[]> {
  if (manifest.kind === 'ndjson') {
    const file = path.join(dir, TEMPLATES_NDJSON);
    if (!fs.existsSync(file)) return []; // a backup from before templates were included
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as StoredTemplate);
  }
  const { source, dispose } = openSqliteCopy(dir);
  try {
    return await source.templates.listTemplates();
  } finally {
    await dispose();
  }
}

/** Opening a SQLite file writes to it (WAL, schema): a copy is opened, so the backup stays as it was. */
function openSqliteCopy(dir: string): { source: SqliteBoardStore; dispose: () => Promise<void> } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'journeyboard-restore-'));
  fs.copyFileSync(path.join(dir, SQLITE_FILE_NAME), path.join(scratch, SQLITE_FILE_NAME));
  const source = SqliteBoardStore.open(scratch);
  return {
    source,
    dispose: async () => {
      await source.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

// Binary columns travel as { $bytes: base64 } in JSON.
function bytesToBase64(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (
    value &&
    typeof value === 'object' &&
    (value as { type?: unknown }).type === 'Buffer' &&
    Array.isArray((value as { data?: unknown }).data)
  ) {
    return { $bytes: Buffer.from((value as { data: number[] }).data).toString('base64') };
  }
  return value;
}

function base64ToBytes(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { $bytes?: unknown }).$bytes === 'string') {
    return new Uint8Array(Buffer.from((value as { $bytes: string }).$bytes, 'base64'));
  }
  return value;
}
