import { type ColumnDefinitionBuilder, type CreateTableBuilder, type ColumnDataType, type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** A column's type; `int64` (INTEGER / BIGINT), `bytes` (BLOB / BYTEA) and `double` differ between the dialects. */
type ColumnType = 'text' | 'integer' | 'int64' | 'bytes' | 'double';

/**
 * A column of `create`: its type, NOT NULL unless it ends in `?`; `… key` is the primary key
 * (nothing else); `serial` is a global, monotonic primary key (AUTOINCREMENT never reuses a value,
 * nor does BIGSERIAL). A pair is a type and all its constraints, written out (no NOT NULL implied).
 */
export type Column =
  | ColumnType
  | `${ColumnType}?`
  | `${ColumnType} key`
  | 'serial'
  | readonly [ColumnType, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder];

/**
 * What a migration writes with: a table is its columns in order, one definition for both dialects
 * (SQLite tables are STRICT, so a wrongly typed value is rejected at write time). Tables and
 * indexes are made IF NOT EXISTS: the first migrations meet tables made before the migrator.
 */
export interface SchemaBuilder {
  // biome-ignore lint/suspicious/noExplicitAny: a migration must not be typed by today's tables (Kysely's advice): it runs against the schema of its day
  readonly db: Kysely<any>;
  /** CREATE TABLE with these columns and, if given, a primary key over several (`<name>_pkey`). */
  create(name: string, columns: Readonly<Record<string, Column>>, primaryKey?: readonly string[]): Promise<void>;
  index(name: string, table: string, columns: readonly string[], unique?: 'unique'): Promise<void>;
  /** `<table>_one_open`: at most one row of a board has status `open` (a partial unique index). */
  oneOpenPerBoard(table: string): Promise<void>;
  /** Adds a column unless it is there (databases made before it). */
  addColumnIfMissing(table: string, column: string, type: 'text' | 'integer' | 'bigint'): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: as above, a migration's database is untyped
export function schemaBuilder(db: Kysely<any>, dialect: DialectName): SchemaBuilder {
  const sqlite = dialect === 'sqlite';
  const types: Readonly<Record<ColumnType, ColumnDataType>> = {
    text: 'text',
    integer: 'integer',
    int64: sqlite ? 'integer' : 'bigint',
    bytes: sqlite ? 'blob' : 'bytea',
    double: sqlite ? 'real' : 'double precision',
  };
  const addColumn = (table: CreateTableBuilder<string, never>, name: string, column: Column) => {
    if (column === 'serial') {
      return sqlite
        ? table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement())
        : table.addColumn(name, 'bigserial', (c) => c.primaryKey());
    }
    if (typeof column !== 'string') return table.addColumn(name, types[column[0]], column[1]);
    const [, type, modifier] = /^(\w+)(\?| key)?$/.exec(column)!;
    if (modifier === '?') return table.addColumn(name, types[type as ColumnType]);
    return table.addColumn(name, types[type as ColumnType], (c) => (modifier ? c.primaryKey() : c.notNull()));
  };
  return {
    db,
    create: async (name, columns, primaryKey) => {
      let table = db.schema.createTable(name).ifNotExists();
      if (sqlite) table = table.modifyEnd(sql`strict`);
      for (const [column, definition] of Object.entries(columns)) table = addColumn(table, column, definition);
      if (primaryKey) table = table.addPrimaryKeyConstraint(`${name}_pkey`, [...primaryKey] as never);
      await table.execute();
    },
    index: async (name, table, columns, unique) => {
      const index = db.schema.createIndex(name).ifNotExists();
      await (unique ? index.unique() : index)
        .on(table)
        .columns([...columns])
        .execute();
    },
    oneOpenPerBoard: async (table) => {
      await db.schema
        .createIndex(`${table}_one_open`)
        .ifNotExists()
        .unique()
        .on(table)
        .column('board_id')
        .where(sql.ref('status'), '=', sql.lit('open'))
        .execute();
    },
    addColumnIfMissing: async (table, column, type) => {
      const columns = sqlite
        ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
        : await sql<{ name: string }>`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = ${table}`.execute(db);
      if (columns.rows.some((c) => c.name === column)) return;
      await db.schema.alterTable(table).addColumn(column, type).execute();
    },
  };
}

/** `board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE`: a board's rows go with it. */
export function ofBoard(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return c.notNull().references('boards.id').onDelete('cascade');
}

/** A `board_id` column: `ofBoard`. */
export const boardId: Column = ['text', ofBoard];

/** `status` of a phase the server holds until a reveal (a voting round, a private-writing phase). */
export const phaseStatus: Column = ['text', (c) => c.notNull().check(sql`status in ('open', 'revealed', 'cancelled')`)];
