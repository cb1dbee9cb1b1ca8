import { afterAll, afterEach } from 'vitest';
import { openSqliteRepositories, type Repositories } from '../repositories/Repositories.ts';
import { dropSchema, openTestPostgresStore, uniqueSchema } from './postgres.ts';
import { makeTempDir, removeDir } from './testServer.ts';

/** The two databases every repository suite runs on (`describe.each(DATABASES)`). */
export const DATABASES = ['SQLite', 'PostgreSQL'] as const;
export type DatabaseName = (typeof DATABASES)[number];

export interface TestDatabase {
  readonly store: Repositories;
  /** PostgreSQL: the schema it lives in, for a second, raw connection playing another instance. */
  readonly schema: string | null;
  /** Closes `store` and opens the same data again (a server restart). */
  reopen(): Promise<Repositories>;
}

/**
 * The one set-up of the repository suites: `open(name)` gives an empty, migrated database of that
 * kind, a temporary SQLite directory or a new PostgreSQL schema. What a test opened is closed after
 * it; the directories and schemas are removed after the file. Call it once per test file.
 */
export function testDatabases(): (name: DatabaseName) => Promise<TestDatabase> {
  const opened: Repositories[] = [];
  const removals: (() => unknown)[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(async () => {
    for (const remove of removals.splice(0)) await remove();
  });
  const track = async (opening: Promise<Repositories>) => {
    const store = await opening;
    opened.push(store);
    return store;
  };
  return async (name) => {
    let open: () => Promise<Repositories>;
    let schema: string | null = null;
    if (name === 'SQLite') {
      const dir = makeTempDir();
      removals.push(() => removeDir(dir));
      open = () => openSqliteRepositories(dir);
    } else {
      const unique = uniqueSchema();
      schema = unique;
      removals.push(() => dropSchema(unique));
      open = () => openTestPostgresStore(unique);
    }
    const store = await track(open());
    const reopen = async () => {
      await store.close();
      return track(open());
    };
    return { store, schema, reopen };
  };
}
