import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/**
 * A feature's repository: its tables through the camelCase query builder (`db`), and the database
 * itself (`database`) for the few places where the dialects differ (database.ts).
 */
export abstract class Repository<Tables> {
  protected readonly database: Database;
  protected readonly db: Kysely<Tables>;

  constructor(database: Database) {
    this.database = database;
    this.db = database.camelCase<Tables>();
  }
}
