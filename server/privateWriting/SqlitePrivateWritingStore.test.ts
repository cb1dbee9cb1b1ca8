import { afterAll } from 'vitest';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { describePrivateWritingStoreContract } from './privateWritingStoreContract.ts';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach(removeDir));

describePrivateWritingStoreContract('SQLite', async () => {
  const dir = makeTempDir();
  dirs.push(dir);
  const store = SqliteBoardStore.open(dir);
  return { store, reopen: async () => (await store.close(), SqliteBoardStore.open(dir)) };
});
