import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/snapshot.ts';
import type { NoteId, RoundId } from '../../shared/schema/ids.ts';
import type { Note } from '../../shared/schema/note.ts';
import {
  parseVotingServerMessage,
  VOTING,
  type RoundSettingsInput,
  type VoterIdentity,
  type VotingBallotMessage,
  type VotingRefusedMessage,
  type VotingServerMessage,
  type VotingStateMessage,
} from '../../shared/protocol/voting.ts';
import { connectProvider, waitFor } from './providers.ts';
import { identityNamed } from './identities.ts';
import type { IssuedIdentity } from '../../shared/protocol/identity.ts';

/**
 * A raw provider speaking the voting protocol, for server tests. It keeps every stateless payload
 * the server sent it, unparsed (`raw`), so secrecy tests can inspect all of them.
 */
export class VotingClient {
  readonly raw: string[] = [];
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  readonly person: VoterIdentity;

  private constructor(provider: HocuspocusProvider, doc: Y.Doc, person: VoterIdentity, raw: string[]) {
    this.provider = provider;
    this.doc = doc;
    this.person = person;
    this.raw = raw;
  }

  /**
   * Connects with `token`, and (unless `hello` is false) says hello and waits for the first state.
   * Proves itself with `identity` when given, with a sign-in session `cookie`, else with the one
   * the test's person id names.
   */
  static async connect(
    wsUrl: string,
    boardId: string,
    token: string,
    person: VoterIdentity,
    { hello = true, identity: given, cookie }: { hello?: boolean; identity?: IssuedIdentity; cookie?: string } = {},
  ): Promise<VotingClient> {
    const raw: string[] = [];
    const doc = new Y.Doc();
    // The test's person id names the identity: the same id is the same person, as on a real device.
    // With a sign-in session cookie, the session proves the person instead.
    const identity = given ?? (cookie ? null : await identityNamed(wsUrl, boardId, token, person.id));
    const provider = await connectProvider(wsUrl, boardId, {
      token,
      credential: identity?.credential ?? null,
      cookie,
      document: doc,
      onStateless: (p) => raw.push(p),
    });
    // `person.id` from here on is the id the server proved, as every message about this person carries it.
    const client = new VotingClient(provider, doc, { ...person, id: identity?.personId ?? person.id }, raw);
    if (hello) {
      const mark = client.mark();
      client.send({ type: VOTING.hello, person });
      await client.next((m) => m.type === VOTING.state, mark);
    }
    return client;
  }

  get messages(): VotingServerMessage[] {
    return this.raw
      .map((p) => parseVotingServerMessage(safeJson(p)))
      .filter((m): m is VotingServerMessage => m !== null);
  }

  mark(): number {
    return this.raw.length;
  }

  send(message: { type: string } & Record<string, unknown>): void {
    this.provider.sendStateless(JSON.stringify(message));
  }

  /** The first voting message from index `since` on that matches. */
  async next<T extends VotingServerMessage>(
    match: (m: VotingServerMessage) => boolean,
    since = 0,
    what = 'a voting message',
  ): Promise<T> {
    return waitFor(
      () =>
        this.raw
          .slice(since)
          .map((p) => parseVotingServerMessage(safeJson(p)))
          .find((m): m is T => m !== null && match(m)),
      { what },
    );
  }

  lastState(): VotingStateMessage | undefined {
    return this.messages.filter((m): m is VotingStateMessage => m.type === VOTING.state).at(-1);
  }

  /** Starts a round (facilitator) and resolves with its id once this client's state shows it open. */
  async start(settings: RoundSettingsInput): Promise<RoundId> {
    const mark = this.mark();
    this.send({ type: VOTING.start, settings });
    const state = await this.next<VotingStateMessage>(
      (m) => (m.type === VOTING.state && m.event?.kind === 'opened') || m.type === VOTING.refused,
      mark,
      'the round to open',
    );
    if (!state.round) throw new Error(`start refused: ${JSON.stringify(state)}`);
    return state.round.id;
  }

  /** Places (or removes) a dot and resolves with the answer: this voter's ballot, or a refusal. */
  async dot(
    roundId: RoundId,
    noteId: NoteId,
    action: 'place' | 'remove' = 'place',
  ): Promise<VotingBallotMessage | VotingRefusedMessage> {
    const mark = this.mark();
    const requestId = `${action}-${mark}`;
    // The answer is the ballot with this note's dots changed: a ballot the server sends on its own
    // (a new round, a refund) may arrive first and is not it.
    const dotsOn = (m: VotingServerMessage | undefined) =>
      m?.type === VOTING.ballot && m.roundId === roundId ? (m.dots[noteId] ?? 0) : 0;
    const before = dotsOn(this.messages.filter((m) => m.type === VOTING.ballot && m.roundId === roundId).at(-1));
    this.send({ type: action === 'place' ? VOTING.place : VOTING.remove, roundId, noteId, requestId });
    return this.next(
      (m) =>
        (m.type === VOTING.ballot && m.roundId === roundId && dotsOn(m) !== before) ||
        (m.type === VOTING.refused && m.requestId === requestId),
      mark,
      `the answer to ${action}`,
    );
  }

  /** Sends reveal or cancel and resolves with the resulting state (or refusal). */
  async close(
    roundId: RoundId,
    how: 'reveal' | 'cancel' = 'reveal',
  ): Promise<VotingStateMessage | VotingRefusedMessage> {
    const mark = this.mark();
    this.send({ type: how === 'reveal' ? VOTING.reveal : VOTING.cancel, roundId });
    return this.next(
      (m) => (m.type === VOTING.state && m.event !== null && m.event.kind !== 'opened') || m.type === VOTING.refused,
      mark,
      `the round to ${how}`,
    );
  }

  notes(kind?: Note['kind']): Note[] {
    return readBoard(this.doc).notes.filter((n) => !kind || n.kind === kind);
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
