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
import { connectHeld, HeldClient, type HeldConnectOptions } from './heldClient.ts';

/** The voting protocol on a raw provider, for server tests (HeldClient keeps every payload). */
export class VotingClient extends HeldClient<VotingServerMessage, VoterIdentity, VotingStateMessage> {
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
    options: HeldConnectOptions = {},
  ): Promise<VotingClient> {
    const client = new VotingClient(await connectHeld(wsUrl, boardId, token, person.id, options), person, {
      feature: 'voting',
      parse: parseVotingServerMessage,
      types: VOTING,
      idField: 'roundId',
      what: 'round',
    });
    if (options.hello ?? true) await client.hello();
    return client;
  }

  /** Starts a round (facilitator) and resolves with its id once this client's state shows it open. */
  async start(settings: RoundSettingsInput): Promise<RoundId> {
    const state = await this.opening(settings);
    if (state.type !== VOTING.state || !state.round) throw new Error(`start refused: ${JSON.stringify(state)}`);
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
  close(roundId: RoundId, how: 'reveal' | 'cancel' = 'reveal'): Promise<VotingStateMessage | VotingRefusedMessage> {
    return this.closing(roundId, how) as Promise<VotingStateMessage | VotingRefusedMessage>;
  }

  notes(kind?: Note['kind']): Note[] {
    return readBoard(this.doc).notes.filter((n) => !kind || n.kind === kind);
  }
}
