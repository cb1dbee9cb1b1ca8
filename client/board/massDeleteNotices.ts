import { parseMassDeleteNotice, type MassDeleteNotice } from '../../shared/index.ts';
import type { BoardConnection } from '../sync/connectBoard.ts';
import type { Identity } from '../identity/identity.ts';
import { CheckpointsApi } from '../api/checkpoints.ts';
import { Store } from './store.ts';

export interface MassDeleteView {
  /** Newest last; one per checkpoint (a run that goes on updates its notice). */
  readonly notices: readonly MassDeleteNotice[];
  /** The checkpoint being restored right now, or null. */
  readonly restoring: string | null;
}

/**
 * "Ann removed 40 notes — Restore": what the server says about mass removals on this board
 * (shared/protocol/massDelete.ts), kept from the moment the connection opens so a notice sent on
 * arrival is not missed. Restoring goes through the checkpoint restore route, like the History
 * panel, so it is a new change everyone receives and keeps a "before restoring" checkpoint.
 */
export class MassDeleteNotices {
  readonly view = new Store<MassDeleteView>({ notices: [], restoring: null });
  private readonly api: CheckpointsApi;
  private readonly stop: () => void;

  constructor(boardId: string, connection: Pick<BoardConnection, 'onMessage'>, token: () => string | null) {
    this.api = new CheckpointsApi(boardId, token);
    this.stop = connection.onMessage((message) => {
      const notice = parseMassDeleteNotice(message);
      if (!notice) return;
      this.view.update((v) => ({
        notices: [...v.notices.filter((n) => n.checkpointId !== notice.checkpointId), notice],
      }));
    });
  }

  dismiss(checkpointId: string): void {
    this.view.update((v) => ({ notices: v.notices.filter((n) => n.checkpointId !== checkpointId) }));
  }

  /** Restores the board as it was before the removal; rejects with a sentence for people. */
  async restore(checkpointId: string, me: Identity): Promise<void> {
    this.view.update({ restoring: checkpointId });
    try {
      await this.api.restore(checkpointId, { id: me.id, name: me.name });
      this.dismiss(checkpointId);
    } finally {
      this.view.update({ restoring: null });
    }
  }

  destroy(): void {
    this.stop();
  }
}
