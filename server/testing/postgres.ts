import pg from 'pg';
import { randomId } from '../../shared/index.ts';
import { openPostgresRepositories, type Repositories } from '../repositories/Repositories.ts';

/**
 * The PostgreSQL the tests use: TEST_DATABASE_URL, else the one every Journeyboard machine and CI
 * runs on 127.0.0.1:5432 (trust auth, database `test`). Tests never skip it: if it is not there,
 * they fail and say so.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses, so parallel runs (and CI on the same machine) never collide. */
export function uniqueSchema(): string {
  return `jb_test_${process.pid}_${randomId(8)}`;
}

export async function openTestPostgresStore(schema: string): Promise<Repositories> {
  return openPostgresRepositories({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 4 });
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
