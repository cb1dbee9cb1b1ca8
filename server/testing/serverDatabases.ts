import { afterAll } from 'vitest';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from './postgres.ts';
import type { TestServerOptions } from './testServer.ts';

/**
 * A server test on both databases: `describe.each(serverDatabases())('… on %s', (_name, options) =>
 * …startTestServer(options()))`. SQLite in the server's temporary directory, or a fresh
 * PostgreSQL schema for each server, dropped after the test file.
 */
export function serverDatabases(): [string, () => TestServerOptions][] {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });
  return [
    ['SQLite', () => ({})],
    [
      'PostgreSQL',
      () => {
        const schema = uniqueSchema();
        schemas.push(schema);
        return { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema };
      },
    ],
  ];
}
