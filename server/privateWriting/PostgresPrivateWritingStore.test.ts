import { afterAll } from 'vitest';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';
import { describePrivateWritingStoreContract } from './privateWritingStoreContract.ts';

const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropSchema(s);
});

describePrivateWritingStoreContract('PostgreSQL', async () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  const store = await openTestPostgresStore(schema);
  return { store, reopen: async () => (await store.close(), openTestPostgresStore(schema)) };
});
