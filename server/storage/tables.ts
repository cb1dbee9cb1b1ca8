import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import { MIGRATION_TABLES } from './migrations/index.ts';

/** One table of the migrated schema, as backups walk it. */
export interface TableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  readonly primaryKey: readonly string[];
  /** The AUTOINCREMENT / BIGSERIAL column, if any: a restore lets the target number rows anew. */
  readonly serial: string | null;
}

/**
 * Every table the migrations made (the migrator's own left out), each after the tables its
 * foreign keys point to, so rows inserted in this order always find what they reference. Read
 * from the database itself, so a table a new migration adds is included without a change here.
 */
export async function schemaTables(database: Database, db: Kysely<unknown> = database.kysely()): Promise<TableInfo[]> {
  const found = database.dialect === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  const tables = found.filter((t) => !(MIGRATION_TABLES as readonly string[]).includes(t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: (TableInfo & { references: readonly string[] })[] = [];
  const visit = (t: TableInfo & { references: readonly string[] }, path: readonly string[]) => {
    if (ordered.includes(t) || path.includes(t.name)) return;
    for (const r of t.references) {
      const target = byName.get(r);
      if (target && target !== t) visit(target, [...path, t.name]);
    }
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, []);
  return ordered.map(({ references: _, ...t }) => t);
}

type Found = TableInfo & { references: readonly string[] };

async function sqliteTables(db: Kysely<unknown>): Promise<Found[]> {
  const names = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
    where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const tables: Found[] = [];
  for (const { name, sql: ddl } of names.rows) {
    const columns = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(
      db,
    );
    const keys = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    const primaryKey = columns.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    tables.push({
      name,
      columns: columns.rows.map((c) => c.name),
      primaryKey: primaryKey.map((c) => c.name),
      serial: /autoincrement/i.test(ddl) && primaryKey.length === 1 ? primaryKey[0]!.name : null,
      references: keys.rows.map((k) => k.table),
    });
  }
  return tables;
}

async function postgresTables(db: Kysely<unknown>): Promise<Found[]> {
  const columns = await sql<{ table_name: string; column_name: string; column_default: string | null }>`
    select c.table_name, c.column_name, c.column_default from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select k.table_name, k.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage k on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
    order by k.table_name, k.ordinal_position`.execute(db);
  const references = await sql<{ table_name: string; target: string }>`
    select src.relname as table_name, dst.relname as target from pg_constraint con
    join pg_class src on src.oid = con.conrelid join pg_class dst on dst.oid = con.confrelid
    where con.contype = 'f' and src.relnamespace = current_schema()::regnamespace`.execute(db);
  const tables = new Map<
    string,
    { name: string; columns: string[]; primaryKey: string[]; serial: string | null; references: string[] }
  >();
  for (const c of columns.rows) {
    let t = tables.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], primaryKey: [], serial: null, references: [] };
      tables.set(c.table_name, t);
    }
    t.columns.push(c.column_name);
    if (c.column_default?.startsWith('nextval(')) t.serial = c.column_name;
  }
  for (const k of keys.rows) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  for (const r of references.rows) tables.get(r.table_name)?.references.push(r.target);
  return [...tables.values()];
}
