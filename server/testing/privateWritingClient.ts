import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/snapshot.ts';
import type { LaneId, StageId } from '../../shared/schema/ids.ts';
import {
  newDraftId,
  parsePrivateWritingServerMessage,
  PRIVATE,
  type DraftId,
  type PhaseSettingsInput,
  type PrivateDraftMessage,
  type PrivateRefusedMessage,
  type PrivateRemovedMessage,
  type PrivateStateMessage,
  type PrivateWriter,
  type PrivateWritingServerMessage,
} from '../../shared/protocol/privateWriting.ts';
import { connectProvider, waitFor } from './providers.ts';
import { identityNamed } from './identities.ts';

/**
 * A raw provider speaking the private-writing protocol, for server tests. It keeps every
 * stateless payload the server sent it, unparsed (`raw`), so secrecy tests can inspect them all.
 */
export class PrivateWritingClient {
  readonly raw: string[];
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  readonly person: PrivateWriter;
  private seq = 0;

  private constructor(provider: HocuspocusProvider, doc: Y.Doc, person: PrivateWriter, raw: string[]) {
    this.provider = provider;
    this.doc = doc;
    this.person = person;
    this.raw = raw;
  }

  /** Connects with `token` and (unless `hello` is false) says hello and waits for the first state. */
  static async connect(
    wsUrl: string,
    boardId: string,
    token: string,
    person: PrivateWriter,
    { hello = true } = {},
  ): Promise<PrivateWritingClient> {
    const raw: string[] = [];
    const doc = new Y.Doc();
    // The test's person id names the identity: the same id is the same person, as on a real device.
    const identity = await identityNamed(wsUrl, boardId, token, person.id);
    const provider = await connectProvider(wsUrl, boardId, {
      token,
      credential: identity?.credential ?? null,
      document: doc,
      onStateless: (p) => raw.push(p),
    });
    // `person.id` from here on is the id the server proved, as every message about this person carries it.
    const client = new PrivateWritingClient(provider, doc, { ...person, id: identity?.personId ?? person.id }, raw);
    if (hello) await client.hello();
    return client;
  }

  async hello(): Promise<PrivateStateMessage> {
    const mark = this.mark();
    this.send({ type: PRIVATE.hello, person: this.person });
    return this.next((m) => m.type === PRIVATE.state, mark, 'the state after hello');
  }

  get messages(): PrivateWritingServerMessage[] {
    return this.raw
      .map((p) => parsePrivateWritingServerMessage(safeJson(p)))
      .filter((m): m is PrivateWritingServerMessage => m !== null);
  }

  mark(): number {
    return this.raw.length;
  }

  send(message: { type: string } & Record<string, unknown>): void {
    this.provider.sendStateless(JSON.stringify(message));
  }

  async next<T extends PrivateWritingServerMessage>(
    match: (m: PrivateWritingServerMessage) => boolean,
    since = 0,
    what = 'a private-writing message',
  ): Promise<T> {
    return waitFor(
      () =>
        this.raw
          .slice(since)
          .map((p) => parsePrivateWritingServerMessage(safeJson(p)))
          .find((m): m is T => m !== null && match(m)),
      { what },
    );
  }

  lastState(): PrivateStateMessage | undefined {
    return this.messages.filter((m): m is PrivateStateMessage => m.type === PRIVATE.state).at(-1);
  }

  /** Starts a phase (facilitator); resolves with its id, or throws with the refusal. */
  async start(settings: PhaseSettingsInput = {}): Promise<string> {
    const mark = this.mark();
    this.send({ type: PRIVATE.start, settings });
    const m = await this.next<PrivateStateMessage | PrivateRefusedMessage>(
      (x) => (x.type === PRIVATE.state && x.event?.kind === 'opened') || x.type === PRIVATE.refused,
      mark,
      'the phase to open',
    );
    if (m.type === PRIVATE.refused || !m.phase) throw new Error(`start refused: ${JSON.stringify(m)}`);
    return m.phase.id;
  }

  /** Sends a request with a fresh requestId and resolves with its answer: the echo or the refusal. */
  private async request<T extends PrivateWritingServerMessage>(
    message: { type: string } & Record<string, unknown>,
    answer: string,
  ): Promise<T | PrivateRefusedMessage> {
    const mark = this.mark();
    const requestId = `q${++this.seq}`;
    this.send({ ...message, requestId });
    return this.next(
      (m) => (m.type === answer || m.type === PRIVATE.refused) && 'requestId' in m && m.requestId === requestId,
      mark,
      `the answer to ${message.type}`,
    );
  }

  add(
    stageId: StageId,
    laneId: LaneId,
    text: string,
    id: DraftId = newDraftId(),
  ): Promise<PrivateDraftMessage | PrivateRefusedMessage> {
    return this.request({ type: PRIVATE.add, id, stageId, laneId, text }, PRIVATE.draft);
  }

  update(
    id: DraftId,
    change: { text?: string; stageId?: StageId; laneId?: LaneId },
  ): Promise<PrivateDraftMessage | PrivateRefusedMessage> {
    return this.request({ type: PRIVATE.update, id, ...change }, PRIVATE.draft);
  }

  remove(id: DraftId): Promise<PrivateRemovedMessage | PrivateRefusedMessage> {
    return this.request({ type: PRIVATE.remove, id }, PRIVATE.removed);
  }

  /** Reveal or cancel; resolves with the resulting state or the refusal. */
  async close(
    phaseId: string,
    how: 'reveal' | 'cancel' = 'reveal',
  ): Promise<PrivateStateMessage | PrivateRefusedMessage> {
    const mark = this.mark();
    this.send({ type: how === 'reveal' ? PRIVATE.reveal : PRIVATE.cancel, phaseId });
    return this.next(
      (m) => (m.type === PRIVATE.state && m.event !== null && m.event.kind !== 'opened') || m.type === PRIVATE.refused,
      mark,
      `the phase to ${how}`,
    );
  }

  /** The first cell of the board: [stageId, laneId]. */
  cell(stage = 0, lane = 0): [StageId, LaneId] {
    const board = readBoard(this.doc);
    return [board.stages[stage]!.id, board.lanes[lane]!.id];
  }

  destroy(): void {
    this.provider.destroy();
  }
}

function safeJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}
