import path from 'node:path';
import { restore } from '../operations/backup.ts';
import { openStoreFromEnvironment, runCommand } from './cli.ts';

runCommand(
  'Usage: npm run restore -- <backup folder>\nWrites every board and saved template of the backup into the configured store (DATA_DIR or DATABASE_URL), replacing ones with the same id. Stop the server first.',
  async ([dir]) => {
    if (!dir) throw new Error('Usage: npm run restore -- <backup folder>');
    const { store, where } = await openStoreFromEnvironment();
    try {
      const { boards, templates } = await restore(path.resolve(dir), store);
      console.log(
        `Restored ${boards} board(s) and ${templates} saved template(s) from ${path.resolve(dir)} into ${where}`,
      );
    } finally {
      await store.close();
    }
  },
);
