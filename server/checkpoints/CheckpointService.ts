import type { BoardRepository } from '../storage/BoardRepository.ts';
import type { CheckpointRepository } from '../storage/CheckpointRepository.ts';
import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  boardContent,
  diffBoards,
  migrateBoard,
  ORIGIN,
  randomId,
  readBoard,
  readMeta,
  restoreBoardContent,
  schemaCompatibility,
  summarizeBoard,
  type RestoreSummary,
} from '../../shared/index.ts';
import {
  CHECKPOINTS_CHANGED,
  type CheckpointPreviewResponse,
  type CheckpointSummary,
} from '../../shared/protocol/checkpoints.ts';
import type { CheckpointInfo, CheckpointKind, StoredCheckpoint } from '../storage/CheckpointRepository.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { checkpointsToThin, DEFAULT_RETENTION, type RetentionPolicy } from './retention.ts';
import { log } from '../observability/log.ts';

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface CheckpointServiceOptions {
  readonly store: { readonly boards: BoardRepository; readonly checkpoints: CheckpointRepository };
  readonly retention?: RetentionPolicy;
  readonly now?: () => number;
  /** After a restore was written into the live board (webhooks). */
  readonly onRestored?: (boardId: string, restored: CheckpointSummary, by: Person | null) => void;
}

/** Failures are values: the HTTP layer maps each code to a status. */
export type CheckpointFailure =
  | { readonly ok: false; readonly code: 'board-not-found' | 'checkpoint-not-found' }
  | { readonly ok: false; readonly code: 'checkpoint-unreadable' | 'board-unreadable'; readonly detail: string };

export type RestoreResult =
  | {
      readonly ok: true;
      readonly restored: CheckpointInfo;
      readonly before: CheckpointInfo;
      readonly summary: RestoreSummary;
    }
  | CheckpointFailure;

export type PreviewResult = ({ readonly ok: true } & CheckpointPreviewResponse) | CheckpointFailure;

/**
 * Version history of boards: takes checkpoints (full encoded states), thins them, previews and
 * restores them. A restore writes the checkpoint's content into the LIVE document as one change
 * with the server origin (shared/model/restore.ts), so people connected at that moment merge
 * rather than lose their work; the change is logged and broadcast like any other.
 *
 * `attach` gives it the Hocuspocus instance (created after this service, see createServer.ts):
 * a board that is not loaded is opened through a direct connection for the restore.
 */
export class CheckpointService {
  private readonly store: { readonly boards: BoardRepository; readonly checkpoints: CheckpointRepository };
  private readonly retention: RetentionPolicy;
  private readonly now: () => number;
  private readonly onRestored: CheckpointServiceOptions['onRestored'];
  private instance: Hocuspocus | null = null;

  constructor(options: CheckpointServiceOptions) {
    this.store = options.store;
    this.retention = options.retention ?? DEFAULT_RETENTION;
    this.now = options.now ?? Date.now;
    this.onRestored = options.onRestored;
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  /** Stores a checkpoint of `doc` as it is now, then thins the board's automatic checkpoints. */
  async create(
    boardId: string,
    doc: Y.Doc,
    kind: CheckpointKind,
    label: string,
    createdBy: Person | null = null,
  ): Promise<CheckpointInfo> {
    const checkpoint = this.capture(boardId, doc, kind, label, createdBy);
    await this.store.checkpoints.addCheckpoint(checkpoint);
    await this.thin(boardId);
    this.announce(boardId);
    const { state: _state, ...info } = checkpoint;
    return info;
  }

  /** The document at this instant, as a checkpoint not stored yet. */
  private capture(
    boardId: string,
    doc: Y.Doc,
    kind: CheckpointKind,
    label: string,
    createdBy: Person | null,
  ): StoredCheckpoint {
    return {
      id: `cp_${randomId(16)}`,
      boardId,
      kind,
      label,
      createdBy,
      createdAt: this.now(),
      noteCount: summarizeBoard(doc).counts.notes,
      state: Y.encodeStateAsUpdate(doc),
    };
  }

  /**
   * For voting: the server calls this right after it writes a round's
   * revealed tallies into the document, so every reveal can be looked at and restored later.
   * Vote-reveal checkpoints are never thinned.
   */
  voteRevealCheckpoint(boardId: string, doc: Y.Doc, roundLabel: string): Promise<CheckpointInfo> {
    return this.create(boardId, doc, 'vote-reveal', `Votes revealed: ${roundLabel}`);
  }

  /** A named checkpoint of the board as it is now (live if loaded, else as stored). */
  async createNamed(
    boardId: string,
    label: string,
    by: Person | null,
  ): Promise<{ ok: true; checkpoint: CheckpointInfo } | CheckpointFailure> {
    const live = this.instance?.documents.get(boardId);
    if (live) return { ok: true, checkpoint: await this.create(boardId, live, 'named', label, by) };
    const loaded = await this.loadStored(boardId);
    if (!loaded.ok) return loaded;
    try {
      return { ok: true, checkpoint: await this.create(boardId, loaded.doc, 'named', label, by) };
    } finally {
      loaded.doc.destroy();
    }
  }

  list(boardId: string): Promise<CheckpointInfo[]> {
    return this.store.checkpoints.listCheckpoints(boardId);
  }

  /** The board at the checkpoint, and what changed from it to now. */
  async preview(boardId: string, checkpointId: string): Promise<PreviewResult> {
    const cp = await this.openCheckpoint(boardId, checkpointId);
    if (!cp.ok) return cp;
    try {
      const then = boardContent(readBoard(cp.doc));
      const live = this.instance?.documents.get(boardId);
      let now: ReturnType<typeof boardContent>;
      if (live) now = boardContent(readBoard(live));
      else {
        const loaded = await this.loadStored(boardId);
        if (!loaded.ok) return loaded;
        now = boardContent(readBoard(loaded.doc));
        loaded.doc.destroy();
      }
      return { ok: true, checkpoint: toSummary(cp.info), board: then, since: diffBoards(then, now) };
    } finally {
      cp.doc.destroy();
    }
  }

  /** Checkpoints the board as it is ("before restoring …"), then writes the checkpoint's content as a new change. */
  async restore(boardId: string, checkpointId: string, by: Person | null): Promise<RestoreResult> {
    const cp = await this.openCheckpoint(boardId, checkpointId);
    if (!cp.ok) return cp;
    try {
      return await this.withLiveDocument(boardId, async (doc) => {
        const before = await this.checkpointUnchanged(boardId, doc, `Before restoring “${cp.info.label}”`, by);
        // Synchronously after the check above: the "before" checkpoint is exactly what is replaced.
        const summary = restoreBoardContent(doc, cp.doc, ORIGIN.server);
        this.announce(boardId);
        log.info({ board: boardId, checkpoint: checkpointId, summary }, 'checkpoint restored');
        this.onRestored?.(boardId, toSummary(cp.info), by);
        return { ok: true as const, restored: cp.info, before, summary };
      });
    } finally {
      cp.doc.destroy();
    }
  }

  /**
   * Stores a before-restore checkpoint of `doc` and returns once it is stored AND the document has
   * not changed meanwhile (an edit arriving during the write is retaken), so the restore that
   * follows synchronously replaces nothing the checkpoint lacks.
   */
  private async checkpointUnchanged(
    boardId: string,
    doc: Y.Doc,
    label: string,
    by: Person | null,
  ): Promise<CheckpointInfo> {
    for (let attempt = 1; ; attempt++) {
      const checkpoint = this.capture(boardId, doc, 'before-restore', label, by);
      const vector = Y.encodeStateVector(doc);
      await this.store.checkpoints.addCheckpoint(checkpoint);
      const { state: _state, ...info } = checkpoint;
      if (sameBytes(vector, Y.encodeStateVector(doc)) || attempt === 5) {
        await this.thin(boardId);
        return info;
      }
      await this.store.checkpoints.deleteCheckpoints(boardId, [checkpoint.id]);
    }
  }

  /** Runs `fn` on the board's live document, opening it (and storing and closing it after) if needed. */
  private async withLiveDocument<T>(boardId: string, fn: (doc: Y.Doc) => Promise<T>): Promise<T | CheckpointFailure> {
    const instance = this.instance;
    if (!instance) throw new Error('CheckpointService.attach was not called');
    const live = instance.documents.get(boardId);
    if (live) return fn(live);
    // Check first: a load that fails inside Hocuspocus leaks the document (hocuspocus#1156).
    const stored = await this.loadStored(boardId);
    if (!stored.ok) return stored;
    stored.doc.destroy();
    const connection = await instance.openDirectConnection(boardId, { checkpoints: true });
    try {
      return await fn(connection.document!);
    } finally {
      await connection.disconnect();
    }
  }

  private async openCheckpoint(
    boardId: string,
    checkpointId: string,
  ): Promise<{ ok: true; info: CheckpointInfo; doc: Y.Doc } | CheckpointFailure> {
    if (!(await this.store.boards.getBoardInfo(boardId))) return { ok: false, code: 'board-not-found' };
    const stored = await this.store.checkpoints.getCheckpoint(boardId, checkpointId);
    if (!stored) return { ok: false, code: 'checkpoint-not-found' };
    const { state, ...info } = stored;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const meta = readMeta(doc);
      if (doc.store.pendingStructs || meta.boardId !== boardId) throw new Error('its state is not this board');
      if (schemaCompatibility(meta.schemaVersion) === 'newer-doc')
        throw new Error('it was written by a newer Journeyboard');
      migrateBoard(doc); // an old checkpoint is brought to today's schema before anyone sees it
    } catch (error) {
      doc.destroy();
      return {
        ok: false,
        code: 'checkpoint-unreadable',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    return { ok: true, info, doc };
  }

  private async loadStored(boardId: string): Promise<{ ok: true; doc: Y.Doc } | CheckpointFailure> {
    try {
      const loaded = await loadBoardDoc(this.store, boardId);
      return loaded ? { ok: true, doc: loaded.doc } : { ok: false, code: 'board-not-found' };
    } catch (error) {
      return { ok: false, code: 'board-unreadable', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async thin(boardId: string): Promise<void> {
    const doomed = checkpointsToThin(await this.store.checkpoints.listCheckpoints(boardId), this.now(), this.retention);
    if (doomed.length > 0) await this.store.checkpoints.deleteCheckpoints(boardId, doomed);
  }

  /** Tells the board's clients to refresh an open History panel. */
  private announce(boardId: string): void {
    this.instance?.documents.get(boardId)?.broadcastStateless(CHECKPOINTS_CHANGED);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function toSummary(info: CheckpointInfo): CheckpointSummary {
  return {
    id: info.id,
    kind: info.kind,
    label: info.label,
    createdBy: info.createdBy,
    createdAt: info.createdAt,
    noteCount: info.noteCount,
  };
}
