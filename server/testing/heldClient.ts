import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { IssuedIdentity } from '../../shared/protocol/identity.ts';
import { identityNamed } from './identities.ts';
import { connectProvider, waitFor } from './providers.ts';

/** How a held-state test client proves who it is; by default, with the identity its person id names. */
export interface HeldConnectOptions {
  /** Say hello and wait for the first state (the default), as the app does on every connection. */
  readonly hello?: boolean;
  readonly identity?: IssuedIdentity;
  /** A sign-in session cookie: the session proves the person instead. */
  readonly cookie?: string;
}

/** What a feature's client adds to the kit: its protocol. */
export interface HeldProtocol<Message extends { readonly type: string }> {
  /** `voting`, `private-writing`: in what a timed-out wait says it waited for. */
  readonly feature: string;
  readonly parse: (data: unknown) => Message | null;
  readonly types: {
    readonly hello: string;
    readonly state: string;
    readonly refused: string;
    readonly start: string;
    readonly reveal: string;
    readonly cancel: string;
  };
  /** The field naming what a reveal or cancel ends: `roundId`, `phaseId`. */
  readonly idField: string;
  /** What it ends, in what a timed-out wait says: `round`, `phase`. */
  readonly what: string;
}

/** A state message: `event` says what happened to the round or phase, if anything did. */
type StateShape = { readonly type: string; readonly event: { readonly kind: string } | null };

/** A connected board document that keeps every stateless payload the server sent it, unparsed. */
export interface HeldConnection {
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  readonly raw: string[];
  /** The id the server proved for this connection (or the test's id, unproven). */
  readonly personId: string;
}

/**
 * Connects as `personId`. The test's person id names the identity: the same id is the same person,
 * as on a real device; with a sign-in session cookie, the session proves the person instead.
 */
export async function connectHeld(
  wsUrl: string,
  boardId: string,
  token: string,
  personId: string,
  { identity: given, cookie }: HeldConnectOptions = {},
): Promise<HeldConnection> {
  const raw: string[] = [];
  const doc = new Y.Doc();
  const identity = given ?? (cookie ? null : await identityNamed(wsUrl, boardId, token, personId));
  const provider = await connectProvider(wsUrl, boardId, {
    token,
    credential: identity?.credential ?? null,
    cookie,
    document: doc,
    onStateless: (p) => raw.push(p),
  });
  return { provider, doc, raw, personId: identity?.personId ?? personId };
}

/**
 * A raw provider speaking the protocol of a feature whose state the server holds until a reveal
 * (voting, private writing), for server tests. It keeps every stateless payload (`raw`) so
 * secrecy tests can inspect them all, and reads them through the feature's parser.
 */
export abstract class HeldClient<
  Message extends { readonly type: string },
  Person extends { readonly id: string },
  State extends Message & StateShape,
> {
  readonly raw: string[];
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  /** `id` is the one the server proved, as every message about this person carries it. */
  readonly person: Person;
  private readonly protocol: HeldProtocol<Message>;

  protected constructor(connection: HeldConnection, person: Person, protocol: HeldProtocol<Message>) {
    this.provider = connection.provider;
    this.doc = connection.doc;
    this.raw = connection.raw;
    this.person = { ...person, id: connection.personId };
    this.protocol = protocol;
  }

  /** Says hello and resolves with the state the server answers with. */
  async hello(): Promise<State> {
    const mark = this.mark();
    this.send({ type: this.protocol.types.hello, person: this.person });
    return this.next<State>((m) => m.type === this.protocol.types.state, mark, 'the state after hello');
  }

  /** Starts a round or phase (facilitator); resolves with the state that shows it open, or the refusal. */
  protected async opening(settings: object): Promise<Message> {
    const { types, what } = this.protocol;
    const mark = this.mark();
    this.send({ type: types.start, settings });
    return this.next(
      (m) => (this.isState(m) && m.event?.kind === 'opened') || m.type === types.refused,
      mark,
      `the ${what} to open`,
    );
  }

  /** Sends reveal or cancel and resolves with the resulting state (or refusal). */
  protected async closing(id: string, how: 'reveal' | 'cancel'): Promise<Message> {
    const { types, what, idField } = this.protocol;
    const mark = this.mark();
    this.send({ type: how === 'reveal' ? types.reveal : types.cancel, [idField]: id });
    return this.next(
      (m) => (this.isState(m) && m.event !== null && m.event.kind !== 'opened') || m.type === types.refused,
      mark,
      `the ${what} to ${how}`,
    );
  }

  get messages(): Message[] {
    return this.parsed(this.raw);
  }

  mark(): number {
    return this.raw.length;
  }

  send(message: { type: string } & Record<string, unknown>): void {
    this.provider.sendStateless(JSON.stringify(message));
  }

  /** The first message of the feature from index `since` on that matches. */
  next<T extends Message>(match: (m: Message) => boolean, since = 0, what?: string): Promise<T> {
    return waitFor(() => this.parsed(this.raw.slice(since)).find((m): m is T => match(m)), {
      what: what ?? `a ${this.protocol.feature} message`,
    });
  }

  lastState(): State | undefined {
    return this.messages.filter((m) => this.isState(m)).at(-1);
  }

  private isState(m: Message): m is State {
    return m.type === this.protocol.types.state;
  }

  destroy(): void {
    this.provider.destroy();
  }

  private parsed(payloads: readonly string[]): Message[] {
    return payloads.map((p) => this.protocol.parse(safeJson(p))).filter((m): m is Message => m !== null);
  }
}

function safeJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}
