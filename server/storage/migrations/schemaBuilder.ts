import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * What a migration writes with: Kysely's schema builder plus the column types that differ
 * between the dialects. One definition makes the same table on SQLite (STRICT, so a wrongly typed
 * value is rejected at write time) and on PostgreSQL.
 */
export interface SchemaBuilder {
  // biome-ignore lint/suspicious/noExplicitAny: a migration must not be typed by today's tables (Kysely's advice): it runs against the schema of its day
  readonly db: Kysely<any>;
  readonly dialect: DialectName;
  /** BLOB / BYTEA. */
  readonly bytes: 'blob' | 'bytea';
  /** Epoch milliseconds and other 64-bit integers: INTEGER / BIGINT. */
  readonly int64: 'integer' | 'bigint';
  /** CREATE TABLE IF NOT EXISTS (the first migrations meet tables made before the migrator). */
  table(name: string): CreateTableBuilder<string, never>;
  /** A global, monotonic `seq` primary key: AUTOINCREMENT never reuses a value, nor does BIGSERIAL. */
  serial(table: CreateTableBuilder<string, never>, column: string): CreateTableBuilder<string, never>;
  /** Adds a column unless it is there (databases made before it). */
  addColumnIfMissing(table: string, column: string, type: 'text' | 'integer' | 'bigint'): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: as above, a migration's database is untyped
export function schemaBuilder(db: Kysely<any>, dialect: DialectName): SchemaBuilder {
  const sqlite = dialect === 'sqlite';
  return {
    db,
    dialect,
    bytes: sqlite ? 'blob' : 'bytea',
    int64: sqlite ? 'integer' : 'bigint',
    table: (name) => {
      const table = db.schema.createTable(name).ifNotExists();
      return sqlite ? table.modifyEnd(sql`strict`) : table;
    },
    serial: (table, column) =>
      sqlite
        ? table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement())
        : table.addColumn(column, 'bigserial', (c) => c.primaryKey()),
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
