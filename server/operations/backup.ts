import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Repositories } from '../repositories/Repositories.ts';
import { Database, SQLITE_FILE_NAME } from '../storage/database.ts';
import { schemaTables, type TableInfo } from '../storage/tables.ts';

/**
 * Backups are folders: `manifest.json`, plus either `journeyboard.sqlite` (a SQLite database,
 * copied with `VACUUM INTO`: one consistent snapshot of the whole file while the server runs) or
 * `tables.ndjson` (PostgreSQL: every row of every table, `{ "table": …, "row": … }` a line, read in
 * one REPEATABLE READ transaction). Both walk the migrated schema (storage/tables.ts), so a table a
 * new migration adds is in the next backup without a change here. Restore reads either kind into
 * either database, so a backup also moves a server from SQLite to PostgreSQL and back.
 */
const MANIFEST = 'manifest.json';
const NDJSON = 'tables.ndjson';

export interface BackupManifest {
  readonly format: 'journeyboard-backup';
  /** 2: every table. (1: boards and templates only; its SQLite copies restore, its NDJSON does not.) */
  readonly version: 1 | 2;
  readonly createdAt: number;
  readonly kind: 'sqlite' | 'ndjson';
  readonly boards: number;
  readonly templates?: number;
  /** Rows per table. */
  readonly tables?: Readonly<Record<string, number>>;
}

interface Line {
  readonly table: string;
  readonly row: Record<string, unknown>;
}

export async function backup(store: Repositories, dir: string, now = Date.now()): Promise<BackupManifest> {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length > 0) throw new Error(`The backup folder ${dir} is not empty`);
  const { database } = store;
  let tables: Record<string, number>;
  if (database.sqlite) {
    const file = path.join(dir, SQLITE_FILE_NAME);
    database.sqlite.prepare('VACUUM INTO ?').run(file);
    const copy = await Database.openSqliteFile(file);
    try {
      tables = await countRows(copy, copy.kysely());
    } finally {
      await copy.close();
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    }
  } else {
    const out = fs.openSync(path.join(dir, NDJSON), 'w');
    try {
      tables = await database.transaction(async (trx) => {
        const counts: Record<string, number> = {};
        for (const table of await schemaTables(database, trx)) {
          const rows = await readTable(trx, table);
          for (const row of rows) fs.writeSync(out, `${JSON.stringify({ table: table.name, row }, bytesToBase64)}\n`);
          counts[table.name] = rows.length;
        }
        return counts;
      }, 'repeatable read');
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
  }
  const manifest: BackupManifest = {
    format: 'journeyboard-backup',
    version: 2,
    createdAt: now,
    kind: database.sqlite ? 'sqlite' : 'ndjson',
    boards: tables.boards ?? 0,
    templates: tables.board_templates ?? 0,
    tables,
  };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Writes every row of the backup into `target`, in one transaction: a board in the backup
 * replaces the board with its id (its log, checkpoints, share links, votes, drafts, comments go
 * with it, by their foreign keys), any other row replaces the row with its primary key. Rows not
 * in the backup are left alone. Run it with the server stopped: a running server keeps open
 * boards in memory and would write them back.
 */
export async function restore(dir: string, target: Repositories): Promise<{ boards: number; templates: number }> {
  const manifest = readManifest(dir);
  const { rows, dispose } = await readBackup(dir, manifest);
  try {
    const database = target.database;
    return await database.transaction(async (trx) => {
      const tables = await schemaTables(database, trx);
      const boards = (rows.get('boards') ?? []).map((r) => String(r.id));
      for (let i = 0; i < boards.length; i += 500)
        await trx
          .deleteFrom('boards' as never)
          .where('id' as never, 'in', boards.slice(i, i + 500) as never)
          .execute();
      for (const table of tables) {
        for (const row of rows.get(table.name) ?? []) await insertRow(trx, table, row);
      }
      return { boards: boards.length, templates: rows.get('board_templates')?.length ?? 0 };
    });
  } finally {
    await dispose();
  }
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${dir} is not a Journeyboard backup (no ${MANIFEST})`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'journeyboard-backup' || ![1, 2].includes(manifest.version))
    throw new Error(`${file}: unknown backup format`);
  if (manifest.version === 1 && manifest.kind === 'ndjson')
    throw new Error(`${file}: a version 1 NDJSON backup; restore it with the release that made it`);
  return manifest;
}

/** The backup's rows by table. A SQLite copy is opened in a scratch folder: opening writes (WAL, migrations). */
async function readBackup(
  dir: string,
  manifest: BackupManifest,
): Promise<{ rows: Map<string, Record<string, unknown>[]>; dispose: () => Promise<void> }> {
  const rows = new Map<string, Record<string, unknown>[]>();
  if (manifest.kind === 'ndjson') {
    for (const text of fs.readFileSync(path.join(dir, NDJSON), 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      const line = JSON.parse(text, base64ToBytes) as Line;
      rows.set(line.table, [...(rows.get(line.table) ?? []), line.row]);
    }
    return { rows, dispose: async () => {} };
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'journeyboard-restore-'));
  fs.copyFileSync(path.join(dir, SQLITE_FILE_NAME), path.join(scratch, SQLITE_FILE_NAME));
  const source = await Database.openSqlite(scratch);
  try {
    for (const table of await schemaTables(source)) rows.set(table.name, await readTable(source.kysely(), table));
  } finally {
    await source.close();
  }
  return { rows, dispose: async () => fs.rmSync(scratch, { recursive: true, force: true }) };
}

/** In primary-key order, so a log's rows keep their order when the target numbers them anew. */
function readTable(db: Kysely<unknown>, table: TableInfo): Promise<Record<string, unknown>[]> {
  let query = db.selectFrom(table.name as never).selectAll();
  for (const column of table.primaryKey) query = query.orderBy(column as never);
  return query.execute() as Promise<Record<string, unknown>[]>;
}

async function insertRow(trx: Kysely<unknown>, table: TableInfo, row: Record<string, unknown>): Promise<void> {
  const values = Object.fromEntries(
    table.columns.filter((c) => c !== table.serial && c in row).map((c) => [c, row[c]] as const),
  );
  const others = Object.keys(values).filter((c) => !table.primaryKey.includes(c));
  const insert = trx.insertInto(table.name as never).values(values as never);
  if (table.serial || table.primaryKey.length === 0) return void (await insert.execute());
  await insert
    .onConflict((oc) => {
      const key = oc.columns(table.primaryKey as never);
      return others.length === 0
        ? key.doNothing()
        : key.doUpdateSet(
            Object.fromEntries(
              others.map((c) => [c, (eb: { ref(c: string): unknown }) => eb.ref(`excluded.${c}`)]),
            ) as never,
          );
    })
    .execute();
}

async function countRows(database: Database, db: Kysely<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await schemaTables(database, db)) {
    const row = await db
      .selectFrom(table.name as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    counts[table.name] = Number(row?.n ?? 0);
  }
  return counts;
}

// Binary columns travel as { $bytes: base64 } in JSON.
function bytesToBase64(_key: string, value: unknown): unknown {
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
