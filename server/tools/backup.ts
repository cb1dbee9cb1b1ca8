import path from 'node:path';
import { backup } from '../operations/backup.ts';
import { openStoreFromEnvironment, runCommand } from './cli.ts';

runCommand(
  'Usage: npm run backup -- <empty or new folder>\nCopies every board (consistently, while the server runs) into the folder.',
  async ([dir]) => {
    if (!dir) throw new Error('Usage: npm run backup -- <folder>');
    const { store, where } = await openStoreFromEnvironment();
    try {
      const manifest = await backup(store, path.resolve(dir));
      console.log(
        `Backed up ${manifest.boards} board(s) and ${manifest.templates ?? 0} saved template(s) from ${where} to ${path.resolve(dir)} (${manifest.kind})`,
      );
    } finally {
      await store.close();
    }
  },
);
