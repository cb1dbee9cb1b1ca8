import { backup, restore } from '../operations/backup.ts';
import type { Repositories } from '../repositories/Repositories.ts';
import { makeTempDir, removeDir } from './testServer.ts';

/** Backs `store` up now; `restore()` later writes that backup back into it (what `npm run restore` does). */
export async function backupNow(store: Repositories): Promise<{ restore(): Promise<void> }> {
  const dir = makeTempDir('journeyboard-backup-');
  await backup(store, `${dir}/backup`);
  return {
    async restore() {
      try {
        await restore(`${dir}/backup`, store);
      } finally {
        removeDir(dir);
      }
    },
  };
}
