import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  CamelCasePlugin,
  type DatabaseIntrospector,
  type Expression,
  Kysely,
  PostgresDialect,
  type RawBuilder,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import { log } from '../observability/log.ts';
import { migrateToLatest } from './migrations/index.ts';
import { NodeSqliteDialect } from './nodeSqliteDialect.ts';

/**
 * One database for every repository: Kysely over SQLite (`node:sqlite`, the embedded default) or
 * PostgreSQL (DATABASE_URL). Opening runs the numbered migrations (migrations/index.ts), so an
 * existing database is upgraded in place. The few places where the two dialects differ are the
 * methods of this class; rows come back alike from both (integers as numbers, bytes as Uint8Array).
 */
import type { DialectName } from './dialect.ts';

export type { DialectName };

export interface PostgresOptions {
  readonly connectionString: string;
  /** Created if missing. Tests use a unique schema per run so parallel runs never collide. */
  readonly schema?: string;
  /** Pool size; default 10. */
  readonly maxConnections?: number;
}

/** The embedded default: one SQLite file under DATA_DIR. */
export const SQLITE_FILE_NAME = 'journeyboard.sqlite';

export function sqlitePath(dataDir: string): string {
  return path.join(dataDir, SQLITE_FILE_NAME);
}

export class Database {
  readonly dialect: DialectName;
  /** SQLite only: the handle under Kysely, for the update log's direct statements and VACUUM INTO. */
  readonly sqlite: DatabaseSync | null;
  readonly #kysely: Kysely<unknown>;
  readonly #camelCase: Kysely<unknown>;
  #closed = false;

  private constructor(kysely: Kysely<unknown>, dialect: DialectName, sqliteDb: DatabaseSync | null) {
    this.#kysely = kysely;
    this.#camelCase = kysely.withPlugin(new CamelCasePlugin());
    this.dialect = dialect;
    this.sqlite = sqliteDb;
  }

  /** Opens (creating if needed) the SQLite database in `dataDir` and migrates it. */
  static async openSqlite(dataDir: string): Promise<Database> {
    fs.mkdirSync(dataDir, { recursive: true });
    return Database.openSqliteFile(sqlitePath(dataDir));
  }

  static async openSqliteFile(file: string): Promise<Database> {
    const db = new DatabaseSync(file);
    // WAL: readers never block the writer. synchronous=NORMAL: a commit is durable once it
    // returns as far as a process crash (kill -9) goes; only an OS crash or power cut can lose
    // the last commits, and clients keep a local copy that they resend on reconnect.
    db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
    );
    const database = new Database(new Kysely({ dialect: new NodeSqliteDialect(db) }), 'sqlite', db);
    try {
      await migrateToLatest(database.kysely(), 'sqlite');
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  /** Connects, creates the schema if missing and migrates it. */
  static async openPostgres(options: PostgresOptions): Promise<Database> {
    const schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}"`);
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      // Every connection of the pool works in the schema, so the SQL never names it.
      options: `-c search_path=${schema}`,
      types: { getTypeParser: postgresTypeParser },
    });
    // An idle client that loses its server (restart) emits 'error' on the pool; without a
    // listener that is an uncaught exception. The next query gets a fresh connection.
    pool.on('error', (error) => log.error({ err: error.message }, 'PostgreSQL: an idle connection failed'));
    const database = new Database(new Kysely({ dialect: new SchemaPostgresDialect({ pool }) }), 'postgres', null);
    try {
      // Several instances starting at once on a new database would race on CREATE SCHEMA and on
      // the migrator's own table (PostgreSQL then fails with a duplicate pg_type row): one at a
      // time, under an advisory lock held by one connection for the duration.
      const client = await pool.connect();
      const lock = `journeyboard-schema:${schema}`;
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
        try {
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
          await migrateToLatest(database.kysely(), 'postgres', schema);
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
        }
      } finally {
        client.release();
      }
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  /** The query builder, typed with the tables a repository owns. */
  kysely<Tables>(): Kysely<Tables> {
    return this.#kysely as Kysely<Tables>;
  }

  /**
   * The query builder over camelCase names: `createdAt` in a query or a row is the column
   * `created_at`, so a repository whose records mirror its rows needs no mapping. Its
   * transactions (`.transaction()`) keep the naming.
   */
  camelCase<Tables>(): Kysely<Tables> {
    return this.#camelCase as Kysely<Tables>;
  }

  /** Runs `fn` in one transaction. REPEATABLE READ reads one moment on PostgreSQL (SQLite always does). */
  transaction<Tables, T>(
    fn: (trx: Kysely<Tables>) => Promise<T>,
    isolation: 'read committed' | 'repeatable read' = 'read committed',
  ): Promise<T> {
    return this.kysely<Tables>().transaction().setIsolationLevel(isolation).execute(fn);
  }

  /** The larger of two numbers (SQLite's two-argument `max`, PostgreSQL's `greatest`). */
  greatest(a: Expression<number>, b: Expression<number>): RawBuilder<number> {
    return this.dialect === 'sqlite' ? sql<number>`max(${a}, ${b})` : sql<number>`greatest(${a}, ${b})`;
  }

  /** Whether a JSON text column holds the same value as `value` (formatting aside). */
  sameJson(column: string, value: unknown): RawBuilder<boolean> {
    const text = JSON.stringify(value);
    return this.dialect === 'sqlite'
      ? sql<boolean>`json(${sql.ref(column)}) = json(${text})`
      : sql<boolean>`${sql.ref(column)}::jsonb = ${text}::jsonb`;
  }

  /**
   * Row locks for PostgreSQL, where several server processes share the database: `update` for a
   * reveal, `share` for a write that a reveal must wait for. SQLite has one process, one writer
   * and synchronous transactions, so it needs none (and has no such clause).
   */
  lock<Q extends { forUpdate(): Q; forShare(): Q }>(query: Q, mode: 'update' | 'share'): Q {
    if (this.dialect === 'sqlite') return query;
    return mode === 'update' ? query.forUpdate() : query.forShare();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#kysely.destroy();
  }
}

/**
 * The migrator asks whether its tables exist by listing tables. Kysely's PostgreSQL introspector
 * lists every schema of the database, and fails when another schema is dropped meanwhile (other
 * stores, parallel test runs); this one looks only at the store's own schema.
 */
class SchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const tables = async (): Promise<TableMetadata[]> => {
      const { rows } = await sql<{ name: string; schema: string }>`select table_name as name, table_schema as schema
        from information_schema.tables where table_schema = current_schema()`.execute(db);
      return rows.map((r) => ({ ...r, isView: false, isForeign: false, columns: [] }));
    };
    return {
      getSchemas: async (): Promise<SchemaMetadata[]> =>
        (await sql<SchemaMetadata>`select current_schema() as name`.execute(db)).rows,
      getTables: tables,
    };
  }
}

const INT8 = 20;
const BYTEA = 17;

/**
 * BIGINT as a number (timestamps and sequence numbers stay far below 2^53) and BYTEA as a plain
 * Uint8Array view, so PostgreSQL rows look like SQLite's.
 */
function postgresTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8) return Number;
  const parse = pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  if (oid === BYTEA)
    return (value) => {
      const buffer = parse(value) as Buffer;
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    };
  return parse;
}
