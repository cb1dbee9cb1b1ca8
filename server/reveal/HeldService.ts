import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { z } from 'zod';
import { BoardQueue } from '../live/boardQueue.ts';
import { handleClientMessage } from '../live/clientMessages.ts';
import { log } from '../observability/log.ts';
import type { BoardEvents } from '../scaleout/ClusterEvents.ts';
import { BoardEventRelay } from './BoardEventRelay.ts';
import { type HeldAudience, type HeldPerson, helloPerson, roleOf } from './HeldAudience.ts';

// An instance without the board open lets a timed reveal's moment pass by this much before
// revealing, so the instance that has the board open (and the people on it) normally does it,
// without loading the board twice.
const REMOTE_REVEAL_GRACE_MS = 2_000;

/**
 * A refusal as the kit passes it on. Each feature's own type narrows `code` to its protocol's
 * codes, which include the kit's own: `not-identified`, `not-allowed` and MessageRefusal's.
 */
export interface HeldRefusal {
  readonly code: string;
  readonly message: string;
}

/** A feature's outbox, as the kit uses it: the audience, and a refusal to one connection. */
export interface HeldOutbox<Message extends { readonly type: string }> extends HeldAudience {
  refuse(connection: Connection, request: Message | Pick<Message, 'type'> | null, refusal: HeldRefusal): void;
}

export interface HeldServiceOptions<
  Message extends { readonly type: string },
  Event extends { readonly kind: string },
> {
  /** The feature's name in log lines: `voting`, `private writing`. */
  readonly feature: string;
  /** What a facilitator ends, in a refusal: `a round`, `private writing`. */
  readonly ends: string;
  /** The feature's hello message type: the one message taken before the connection says who it is. */
  readonly hello: Message['type'];
  readonly messages: z.ZodType<Message>;
  /** Its ClusterEvents topic and event schema. */
  readonly topic: string;
  readonly events: z.ZodType<Event>;
  readonly cluster: BoardEvents | undefined;
}

/**
 * What voting and private writing share as services of state held until a reveal: a queue per
 * board for their requests, the hello that binds a connection to its proven person, the
 * facilitator's reveal or cancel of the open round or phase, timed reveals (with the grace that
 * lets the instance with the board open go first), and the relay to other instances. A feature
 * says what is open (`openHeld`), how it is revealed and cancelled, and what its requests do.
 */
export abstract class HeldService<
  Message extends { readonly type: string },
  Event extends { readonly kind: string },
  Held extends { readonly id: string },
  Out extends HeldOutbox<Message>,
> {
  protected instance: Hocuspocus | null = null;
  protected readonly queue = new BoardQueue();
  /** Tells the other instances of each change, and hears theirs. */
  protected readonly relay: BoardEventRelay<Event>;
  /** Who each connection is, and every message out (who may hear what). */
  protected readonly out: Out;
  private readonly held: HeldServiceOptions<Message, Event>;

  constructor(options: HeldServiceOptions<Message, Event>, out: Out) {
    this.held = options;
    this.out = out;
    this.relay = new BoardEventRelay({
      feature: options.feature,
      topic: options.topic,
      schema: options.events,
      cluster: options.cluster,
      queue: this.queue,
      onEvent: (boardId, event) => this.heard(boardId, event),
    });
    options.cluster?.onReconnect(() => void this.resync());
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
    this.out.attach(instance);
  }

  close(): void {
    this.relay.close();
  }

  /** One stateless message from a connection on the board document `boardId`. */
  handle(connection: Connection, boardId: string, payload: string): Promise<void> {
    return handleClientMessage({
      schema: this.held.messages,
      payload,
      boardId,
      queue: this.queue,
      refuse: (message, refusal) => this.out.refuse(connection, message, refusal),
      dispatch: (message) => this.dispatch(connection, boardId, message),
    });
  }

  /** Watches the time limits of the rounds or phases open in the database (a past one reveals now). */
  abstract start(): Promise<void>;
  /** The round or phase open on the board now, or null. */
  protected abstract openHeld(boardId: string): Promise<Held | null>;
  /** Reveals `held`; false if it was not open any more (another instance closed it). */
  protected abstract reveal(boardId: string, held: Held): Promise<boolean>;
  /** Cancels `held`; false if it was not open any more. */
  protected abstract cancel(boardId: string, held: Held): Promise<boolean>;
  /** Why a request naming `id` finds nothing open: it has ended, or there is none. */
  protected abstract notOpen(boardId: string, id: Held['id']): Promise<HeldRefusal>;
  /** A request from a connection whose person said hello. */
  protected abstract dispatchFrom(
    connection: Connection,
    boardId: string,
    person: HeldPerson,
    message: Message,
  ): Promise<void>;
  /** After a hello bound `person` to `connection`: tell it the state. */
  protected abstract welcome(connection: Connection, boardId: string, person: HeldPerson): Promise<void>;
  /** Another instance changed this board: bring this instance's connections (and timers) up to date. */
  protected abstract heard(boardId: string, event: Event): Promise<void>;

  private async dispatch(connection: Connection, boardId: string, message: Message): Promise<void> {
    if (message.type === this.held.hello) return this.hello(connection, boardId, message);
    const person = this.out.identified(connection);
    if (!person)
      return this.out.refuse(connection, message, {
        code: 'not-identified',
        message: `Say who you are first (${this.held.hello}).`,
      });
    return this.dispatchFrom(connection, boardId, person, message);
  }

  private async hello(connection: Connection, boardId: string, message: Message): Promise<void> {
    const { person: declared } = message as Message & { readonly person: Omit<HeldPerson, 'id'> };
    const person = helloPerson(connection, declared);
    if (!person)
      return this.out.refuse(
        connection,
        { type: this.held.hello },
        { code: 'not-identified', message: 'This connection has no proven identity.' },
      );
    this.out.identify(connection, person);
    await this.welcome(connection, boardId, person);
  }

  /** A facilitator's reveal or cancel of the round or phase `id`: refused unless it is the open one. */
  protected async closeByFacilitator(
    connection: Connection,
    boardId: string,
    message: Message,
    id: Held['id'],
    how: 'reveal' | 'cancel',
  ): Promise<void> {
    if (roleOf(connection) !== 'facilitator')
      return this.out.refuse(connection, message, {
        code: 'not-allowed',
        message: `Only a facilitator ends ${this.held.ends}.`,
      });
    const held = await this.openHeld(boardId);
    const closed =
      held?.id === id && (how === 'reveal' ? await this.reveal(boardId, held) : await this.cancel(boardId, held));
    if (!closed) this.out.refuse(connection, message, await this.notOpen(boardId, id));
  }

  /**
   * How long after its moment this instance reveals a timed round or phase: at once where the board
   * is open (or with one instance), else after a grace that lets the instance that has it go first.
   */
  protected revealGrace(boardId: string): number {
    const here = this.instance?.documents.has(boardId) ?? false;
    return this.relay.clustered && !here ? REMOTE_REVEAL_GRACE_MS : 0;
  }

  /** The timed reveal of `id`, in the board's queue, if it is still the open one; a failure is logged. */
  protected revealIfOpen(boardId: string, id: Held['id']): Promise<void> {
    return this.queue.run(boardId, async () => {
      if (this.relay.closed) return;
      try {
        const held = await this.openHeld(boardId);
        if (held?.id === id) await this.reveal(boardId, held);
      } catch (error) {
        log.error({ board: boardId, err: error }, `the timed reveal of ${id} failed`);
      }
    });
  }

  /**
   * After Redis was away the other instances' events of the meantime are lost: re-arm the timers
   * from the database and welcome every identified connection here again, as after its hello.
   */
  private async resync(): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      log.error({ err: error }, `${this.held.feature}: could not re-read the open timers after Redis came back`);
    }
    for (const boardId of this.instance?.documents.keys() ?? []) {
      const connections = this.out.connectionsOf(boardId);
      if (connections.length === 0) continue;
      void this.queue.run(boardId, async () => {
        if (this.relay.closed) return;
        try {
          for (const connection of connections) {
            const person = this.out.identified(connection);
            if (person) await this.welcome(connection, boardId, person);
          }
        } catch (error) {
          log.error(
            { board: boardId, err: error },
            `${this.held.feature}: could not re-send the state after Redis came back`,
          );
        }
      });
    }
  }

  protected tell(boardId: string, event: Event): void {
    this.relay.tell(boardId, event);
  }
}
