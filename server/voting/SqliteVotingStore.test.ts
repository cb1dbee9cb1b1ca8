import { afterAll } from 'vitest';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { describeVotingStoreContract } from './votingStoreContract.ts';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach(removeDir));

describeVotingStoreContract('SQLite', async () => {
  const dir = makeTempDir();
  dirs.push(dir);
  const store = await openSqliteRepositories(dir);
  return { store, reopen: async () => (await store.close(), await openSqliteRepositories(dir)) };
});
