import fs from 'node:fs';
import path from 'node:path';
import { restoreBoardFromCheckpoint } from '../operations/restoreBoard.ts';
import { openStoreFromEnvironment, runCommand } from './cli.ts';

runCommand(
  'Usage: npm run restore-board -- <boardId> [checkpointId]\nRestores a board whose stored data is corrupt from its newest readable checkpoint (or the one named). The damaged rows are saved to ./corrupt-board-<id>-<time>.json first.',
  async ([boardId, checkpointId]) => {
    if (!boardId) throw new Error('Usage: npm run restore-board -- <boardId> [checkpointId]');
    const { store, where } = await openStoreFromEnvironment();
    try {
      const result = await restoreBoardFromCheckpoint(store, boardId, checkpointId);
      if (!result.ok) throw new Error(result.message);
      const kept = path.resolve(`corrupt-board-${boardId}-${Date.now()}.json`);
      fs.writeFileSync(
        kept,
        JSON.stringify(result.previous, (_k, v: unknown) =>
          v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v,
        ),
      );
      console.log(
        `Board ${boardId} (${where}) restored from checkpoint ${result.checkpointId} “${result.label}” of ${new Date(result.createdAt).toISOString()} (${result.notes} notes). Its previous rows are in ${kept}.`,
      );
    } finally {
      await store.close();
    }
  },
);
