import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from './postgres.ts';
import { TEST_REDIS_URL, uniqueRedisPrefix } from './redis.ts';
import { startTestServer, type TestServer } from './testServer.ts';

export interface TwoInstances {
  readonly a: TestServer;
  readonly b: TestServer;
  readonly schema: string;
}

/**
 * Two real servers on one fresh PostgreSQL schema and one Redis prefix (several
 * instances); `cleanups` gets their shutdown and the schema's drop. `nowOnB` is instance B's
 * voting clock (a test moves it ahead to reach a round's deadline sooner); `redisUrl` a Redis of
 * the test's own, for a test that stops it.
 */
export async function startTwoInstances(
  cleanups: (() => unknown)[],
  { nowOnB, redisUrl = TEST_REDIS_URL }: { nowOnB?: () => number; redisUrl?: string } = {},
): Promise<TwoInstances> {
  const schema = uniqueSchema();
  cleanups.push(() => dropSchema(schema));
  const shared = {
    databaseUrl: TEST_DATABASE_URL,
    databaseSchema: schema,
    redisUrl,
    redisPrefix: uniqueRedisPrefix(),
  };
  const a = await startTestServer(shared);
  cleanups.push(() => a.close());
  const b = await startTestServer(shared, { now: nowOnB });
  cleanups.push(() => b.close());
  return { a, b, schema };
}
