import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * Kysely over Node's built-in `node:sqlite`. Kysely's own SqliteDialect expects better-sqlite3
 * (`stmt.reader`, parameters as one array) and shares its one connection between concurrent
 * transactions; this driver runs every query on `DatabaseSync` and lets one transaction at a time
 * hold the connection (queries outside a transaction wait for it, as on a pool).
 *
 * Every query runs synchronously underneath, so a transaction whose callback awaits only queries
 * completes within one turn of the event loop: no network message is handled in the middle of it.
 */
export class NodeSqliteDialect implements Dialect {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  createAdapter(): DialectAdapter {
    return new NodeSqliteAdapter();
  }
  createDriver(): Driver {
    return new NodeSqliteDriver(this.#db);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
}

/** SQLite runs DDL in transactions too: a migration is applied whole or not at all. */
class NodeSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class NodeSqliteDriver implements Driver {
  readonly #connection: NodeSqliteConnection;
  /** Resolves when the connection is free; each holder chains the next one onto it. */
  #free: Promise<void> = Promise.resolve();

  constructor(db: DatabaseSync) {
    this.#connection = new NodeSqliteConnection(db);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#free;
    let release!: () => void;
    this.#free = new Promise((resolve) => (release = resolve));
    await previous;
    this.#connection.release = release;
    return this.#connection;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as NodeSqliteConnection).release();
  }

  // IMMEDIATE: the write lock is taken at BEGIN, so a transaction never fails half-way on a busy file.
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as NodeSqliteConnection).db.exec('BEGIN IMMEDIATE');
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as NodeSqliteConnection).db.exec('COMMIT');
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as NodeSqliteConnection).db.exec('ROLLBACK');
  }

  async destroy(): Promise<void> {
    if (this.#connection.db.isOpen) this.#connection.db.close();
  }
}

/** Prepared statements are kept by SQL text: the repositories' queries are a fixed set. */
const STATEMENT_CACHE_SIZE = 500;

class NodeSqliteConnection implements DatabaseConnection {
  readonly db: DatabaseSync;
  release: () => void = () => {};
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(query.sql);
    const parameters = query.parameters as SQLInputValue[];
    if (statement.columns().length > 0) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; Kysely requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('node:sqlite: streaming queries are not supported');
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
