import path from 'node:path';
import { restore } from '../operations/backup.ts';
import { openStoreFromEnvironment, runCommand } from './cli.ts';

runCommand(
  'Usage: npm run restore -- <backup folder>\nWrites every board of the backup into the configured store (DATA_DIR or DATABASE_URL), replacing boards with the same id. Stop the server first.',
  async ([dir]) => {
    if (!dir) throw new Error('Usage: npm run restore -- <backup folder>');
    const { store, where } = await openStoreFromEnvironment();
    try {
      const { boards } = await restore(path.resolve(dir), store);
      console.log(`Restored ${boards} board(s) from ${path.resolve(dir)} into ${where}`);
    } finally {
      await store.close();
    }
  },
);
