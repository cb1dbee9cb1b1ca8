import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from './postgres.ts';
import { TEST_REDIS_URL, uniqueRedisPrefix } from './redis.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import type { Connect } from './testBoards.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from './testServer.ts';

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

/**
 * Two instances (startTwoInstances) with an ecommerce board made through A, and `join(instance,
 * role, person)`: a client of `connect` on that instance with the role's link, destroyed after the test.
 */
export async function boardOnTwoInstances<Client extends { destroy(): void }, Person>(
  cleanups: (() => unknown)[],
  connect: Connect<Client, Person>,
  options?: Parameters<typeof startTwoInstances>[1],
) {
  const instances = await startTwoInstances(cleanups, options);
  const { id, tokens } = await createBoardWithLinks(instances.a.url, { template: 'ecommerce' });
  const join = async (server: TestServer, role: Role, person: Person): Promise<Client> => {
    const client = await connect(server.wsUrl, id, tokens[role], person);
    cleanups.push(() => client.destroy());
    return client;
  };
  return { ...instances, id, tokens, join };
}
