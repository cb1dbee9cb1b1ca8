import { afterAll } from 'vitest';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';
import { describeVotingStoreContract } from './votingStoreContract.ts';

const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropSchema(s);
});

describeVotingStoreContract('PostgreSQL', async () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  const store = await openTestPostgresStore(schema);
  return { store, reopen: async () => (await store.close(), openTestPostgresStore(schema)) };
});
