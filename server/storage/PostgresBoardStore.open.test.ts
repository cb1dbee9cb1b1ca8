import { describe, it } from 'vitest';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';

describe('PostgresBoardStore.open', () => {
  // Found by server/scaleOut.test.ts: two processes starting together on a new database, one
  // failed with "duplicate key value violates unique constraint pg_type_typname_nsp_index".
  it('several instances opening a new schema at once all succeed (the DDL is serialised)', async () => {
    const schema = uniqueSchema();
    try {
      const stores = await Promise.all([1, 2, 3, 4].map(() => openTestPostgresStore(schema)));
      for (const s of stores) await s.close();
    } finally {
      await dropSchema(schema);
    }
  });
});
