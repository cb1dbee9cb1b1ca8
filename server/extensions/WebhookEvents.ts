import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeUnloadDocumentPayload,
  Document,
  Extension,
  onChangePayload,
} from '@hocuspocus/server';
import { readBoard } from '../../shared/model/snapshot.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { WebhookEvent } from '../../shared/protocol/webhooks.ts';
import { type BoardWatch, prioritiesChanged, statusChanges, watchOf } from '../webhooks/boardChanges.ts';

/** The events this extension announces. */
export const WATCHED_EVENTS: readonly WebhookEvent[] = ['priorities.changed', 'action.status_changed'];

export interface WebhookEventsOptions {
  readonly emit: (boardId: string, event: WebhookEvent, data: unknown) => void;
  /** Whether a webhook of the board listens to WATCHED_EVENTS: boards without one cost nothing here. */
  readonly watches: (boardId: string) => Promise<boolean>;
  /** Quiet time after the last change before comparing (a burst of edits is one event). */
  readonly settleMs?: number;
}

interface Watched {
  watch: BoardWatch;
  timer: NodeJS.Timeout | null;
  /** A change made here (a client of this instance, or the server) is pending: this instance announces it. */
  ownChange: boolean;
}

/**
 * `priorities.changed` and `action.status_changed`: after a board has been quiet for `settleMs`,
 * compares the priority list and the actions with what they were, and announces the difference.
 * With several instances only the instance whose client (or own server code, such as a reveal)
 * made a change announces it; changes relayed from others only move the baseline.
 */
export class WebhookEvents implements Extension {
  extensionName = 'WebhookEvents';
  private readonly boards = new Map<string, Watched>();
  private readonly options: WebhookEventsOptions;
  /** When an unwatched loaded board was last asked about (a webhook added on another instance). */
  private readonly askedAt = new Map<string, number>();

  constructor(options: WebhookEventsOptions) {
    this.options = options;
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).kind !== 'board') return;
    this.askedAt.set(documentName, Date.now());
    if (await this.options.watches(documentName)) this.watch(documentName, document);
  }

  /** Starts watching a loaded board (a webhook for it was just added here). */
  watch(boardId: string, document: Document): void {
    if (!this.boards.has(boardId))
      this.boards.set(boardId, { watch: watchOf(readBoard(document)), timer: null, ownChange: false });
  }

  async onChange({ documentName, document, transactionOrigin }: onChangePayload): Promise<void> {
    const watched = this.boards.get(documentName);
    if (!watched) return this.askAgain(documentName, document);
    watched.ownChange ||= !relayed(transactionOrigin);
    if (watched.timer) clearTimeout(watched.timer);
    watched.timer = setTimeout(() => this.settle(documentName, document), this.options.settleMs ?? 2_000);
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.boards.get(documentName)?.timer) this.settle(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const watched = this.boards.get(documentName);
    if (watched?.timer) clearTimeout(watched.timer);
    this.boards.delete(documentName);
    this.askedAt.delete(documentName);
  }

  /** At most every 30 s per board: a webhook added on another instance is watched from then on. */
  private askAgain(boardId: string, document: Document): void {
    const asked = this.askedAt.get(boardId);
    if (asked === undefined || Date.now() - asked < 30_000) return;
    this.askedAt.set(boardId, Date.now());
    void this.options.watches(boardId).then(
      (yes) => yes && this.watch(boardId, document),
      () => undefined,
    );
  }

  async onDestroy(): Promise<void> {
    for (const watched of this.boards.values()) if (watched.timer) clearTimeout(watched.timer);
  }

  private settle(boardId: string, document: Document): void {
    const watched = this.boards.get(boardId);
    if (!watched) return;
    if (watched.timer) clearTimeout(watched.timer);
    watched.timer = null;
    const now = watchOf(readBoard(document));
    if (watched.ownChange) {
      for (const change of statusChanges(watched.watch, now))
        this.options.emit(boardId, 'action.status_changed', change);
      if (prioritiesChanged(watched.watch, now))
        this.options.emit(boardId, 'priorities.changed', { items: now.priorities });
    }
    watched.watch = now;
    watched.ownChange = false;
  }
}

/** Another instance's change: relayed through Redis, or read from the update log. */
function relayed(origin: unknown): boolean {
  const o = origin as { source?: unknown; context?: { storeCatchUp?: unknown } } | null | undefined;
  return o?.source === 'redis' || o?.context?.storeCatchUp === true;
}
