import type { z } from 'zod';
import type { BoardQueue } from '../live/boardQueue.ts';
import { log } from '../observability/log.ts';
import type { BoardEvents } from '../scaleout/ClusterEvents.ts';

export interface BoardEventRelayOptions<Event extends { readonly kind: string }> {
  /** The feature's name in log lines: `voting`, `private writing`. */
  readonly feature: string;
  /** Its ClusterEvents topic. */
  readonly topic: string;
  readonly schema: z.ZodType<Event>;
  /** Several instances only (REDIS_URL); without it nothing is published or heard. */
  readonly cluster: BoardEvents | undefined;
  /** The feature's per-board queue: an event is handled in turn with the board's requests. */
  readonly queue: BoardQueue;
  /** Brings this instance's connections (and timers) up to date after another instance's change. */
  readonly onEvent: (boardId: string, event: Event) => Promise<void>;
}

/**
 * How a feature whose state the server holds until a reveal (voting, private writing) tells the
 * other instances of a change, and hears theirs. Events name what changed, never the secret
 * itself: each instance reads that from the database and sends it to its own connections through
 * the feature's outbox. A malformed event is logged and ignored; after close() (the store is
 * closing) events are ignored.
 */
export class BoardEventRelay<Event extends { readonly kind: string }> {
  private readonly options: BoardEventRelayOptions<Event>;
  /** Set by close(): other instances' events are ignored from then on (the store is closing). */
  closed = false;

  constructor(options: BoardEventRelayOptions<Event>) {
    this.options = options;
    options.cluster?.onBoardEvent(options.topic, (boardId, data) => this.heard(boardId, data));
  }

  /** Whether other instances may exist (REDIS_URL): a timed reveal then waits for the one that has the board open. */
  get clustered(): boolean {
    return this.options.cluster !== undefined;
  }

  tell(boardId: string, event: Event): void {
    this.options.cluster?.publishBoardEvent(this.options.topic, boardId, event);
  }

  close(): void {
    this.closed = true;
  }

  private heard(boardId: string, data: unknown): void {
    if (this.closed) return;
    const { feature, schema, queue, onEvent } = this.options;
    const parsed = schema.safeParse(data);
    if (!parsed.success) return void log.warn({ board: boardId }, `ignored a malformed ${feature} event`);
    const event = parsed.data;
    void queue.run(boardId, async () => {
      if (this.closed) return;
      try {
        await onEvent(boardId, event);
      } catch (error) {
        log.error({ board: boardId, err: error }, `could not relay a ${feature} ${event.kind} event`);
      }
    });
  }
}
