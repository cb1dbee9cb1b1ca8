import { afterAll } from 'vitest';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';
import { describeActivityContract } from './activityContract.ts';
import { describeBoardDocumentContract } from './boardDocumentContract.ts';
import { describeBoardStoreContract } from './boardStoreContract.ts';

const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropSchema(s);
});

describeBoardStoreContract('PostgreSQL', async () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  const store = await openTestPostgresStore(schema);
  return { store, reopen: async () => (await store.close(), openTestPostgresStore(schema)) };
});

describeBoardDocumentContract('PostgreSQL', async () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  const store = await openTestPostgresStore(schema);
  return { store, reopen: async () => (await store.close(), openTestPostgresStore(schema)) };
});

describeActivityContract('PostgreSQL', async () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  const store = await openTestPostgresStore(schema);
  return { store, reopen: async () => (await store.close(), openTestPostgresStore(schema)) };
});
