import type { beforeUnloadDocumentPayload, Extension, onChangePayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { CheckpointService } from '../checkpoints/CheckpointService.ts';
import { log } from '../observability/log.ts';

export interface CheckpointsConfiguration {
  service: CheckpointService;
  /** A checkpoint is taken this long after the first change since the last one (CHECKPOINT_INTERVAL_MS). */
  intervalMs: number;
}

/**
 * Automatic checkpoints after a stretch of activity: the first change to a board starts a timer;
 * when it fires the board is checkpointed (kind `activity`), and the next change starts a new
 * one. A board unloaded with changes not yet checkpointed is checkpointed on the way out. Boards
 * nobody edits get none. (Before a restore and before a migration: CheckpointService and
 * Persistence; at a vote reveal: CheckpointService.voteRevealCheckpoint.)
 */
export class Checkpoints implements Extension {
  extensionName = 'Checkpoints';

  private readonly service: CheckpointService;
  private readonly intervalMs: number;
  private readonly timers = new Map<Y.Doc, ReturnType<typeof setTimeout>>();

  constructor(configuration: CheckpointsConfiguration) {
    this.service = configuration.service;
    this.intervalMs = configuration.intervalMs;
  }

  async onChange({ document, documentName, transactionOrigin }: onChangePayload): Promise<void> {
    // Checkpoints are of the board; its comments document is not versioned.
    if (parseDocumentName(documentName).kind !== 'board') return;
    // A change relayed from another instance (REDIS_URL) is checkpointed by that instance.
    if ((transactionOrigin as { source?: unknown } | null)?.source === 'redis') return;
    if (this.timers.has(document)) return;
    const timer = setTimeout(() => {
      this.timers.delete(document);
      void this.take(documentName, document);
    }, this.intervalMs);
    timer.unref?.();
    this.timers.set(document, timer);
  }

  async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload): Promise<void> {
    const timer = this.timers.get(document);
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(document);
    await this.take(documentName, document);
  }

  async onDestroy(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async take(boardId: string, doc: Y.Doc): Promise<void> {
    try {
      await this.service.create(boardId, doc, 'activity', 'Automatic checkpoint');
    } catch (error) {
      // Never thrown on: a missing checkpoint must not stop the board (its data is in the log).
      log.error({ board: boardId, err: error }, 'could not take an automatic checkpoint');
    }
  }
}
