import type { Connection } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { getRecord, rawFields } from '../../shared/doc/boardDoc.ts';
import type { LaneId, NoteId } from '../../shared/schema/ids.ts';
import { readNote } from '../../shared/schema/note.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import {
  VOTING,
  type MyVotingStatus,
  type OpenRoundInfo,
  type PendingVoter,
  type RoundSettings,
  type VotingBallotMessage,
  type VotingClientType,
  type VotingRefusedMessage,
  type VotingStateMessage,
} from '../../shared/protocol/voting.ts';
import type { AccessContext } from '../access/AccessContext.ts';
import { HeldAudience, refusalFields, roleOf } from '../reveal/HeldAudience.ts';
import { remainingFor, type Dots, type NoteFacts, type Refusal } from './ballotRules.ts';
import type { StoredBallot, StoredRound, VotingRepository } from './VotingRepository.ts';

export type StateEvent = VotingStateMessage['event'];

/**
 * Everything the voting server says, and to whom: the only place that decides who receives what.
 * Each person's ballot goes to that person's connections only; the list of who still has dots goes
 * to facilitators only; everyone else hears the round's settings and their own remaining dots.
 * Who each connection said it is is kept by HeldAudience (server/reveal/).
 */
export class VotingOutbox extends HeldAudience<VotingRepository> {
  async broadcastState(boardId: string, round: StoredRound | null, event: StateEvent): Promise<void> {
    const ballots = round ? await this.store.getBallots(round.id) : [];
    for (const c of this.connectionsOf(boardId)) this.sendStateWith(c, boardId, round, ballots, event);
  }

  async sendState(
    connection: Connection,
    boardId: string,
    round: StoredRound | null,
    event: StateEvent,
  ): Promise<void> {
    const ballots = round ? await this.store.getBallots(round.id) : [];
    this.sendStateWith(connection, boardId, round, ballots, event);
  }

  async sendStateToFacilitators(boardId: string, round: StoredRound): Promise<void> {
    const facilitators = this.connectionsOf(boardId).filter((c) => roleOf(c) === 'facilitator');
    if (facilitators.length === 0) return;
    const ballots = await this.store.getBallots(round.id);
    for (const c of facilitators) this.sendStateWith(c, boardId, round, ballots, null, false);
  }

  /**
   * The state as `connection` may see it: its own remaining dots; the pending list only for
   * facilitators. Then, with `ownBallot`, the person's ballot when they have one in the round.
   */
  private sendStateWith(
    connection: Connection,
    boardId: string,
    round: StoredRound | null,
    ballots: readonly StoredBallot[],
    event: StateEvent,
    ownBallot = true,
  ): void {
    const role = roleOf(connection);
    const doc = this.instance?.documents.get(boardId);
    const laneOf = (id: NoteId) => (doc ? (noteFacts(doc, id)?.laneId ?? null) : null);
    let you: MyVotingStatus | null = null;
    let pending: PendingVoter[] | null = null;
    const person = this.identified(connection);
    const mine = person ? ballots.find((b) => b.personId === person.id) : undefined;
    if (round) {
      const refusal = person
        ? (votingRefusal(role, round.settings, guestOf(connection)) ??
          (round.settings.onlyPresent && !mine ? NOT_ELIGIBLE : null))
        : { code: 'not-identified' as const, message: 'Not identified.' };
      const left = remainingFor(round.settings, mine?.dots ?? {}, laneOf);
      you = refusal
        ? { canVote: false, why: refusal.message, remaining: 0, remainingByLane: {} }
        : { canVote: true, why: null, ...left };
      if (role === 'facilitator') {
        pending = ballots
          .map((b) => ({
            personId: b.personId,
            name: b.name,
            department: b.department,
            remaining: remainingFor(round.settings, b.dots, laneOf).remaining,
          }))
          .filter((p) => p.remaining > 0);
      }
    }
    const message: VotingStateMessage = {
      type: VOTING.state,
      now: this.now(),
      round: round ? publicRound(round) : null,
      you,
      pending,
      event,
    };
    connection.sendStateless(JSON.stringify(message));
    if (ownBallot && round && mine)
      connection.sendStateless(JSON.stringify(this.ballotMessage(boardId, round, mine.dots, [])));
  }

  sendBallot(boardId: string, round: StoredRound, personId: string, dots: Dots, refunded: readonly NoteId[]): void {
    const message = JSON.stringify(this.ballotMessage(boardId, round, dots, refunded));
    this.sendToPerson(boardId, personId, message);
  }

  private ballotMessage(
    boardId: string,
    round: StoredRound,
    dots: Dots,
    refunded: readonly NoteId[],
  ): VotingBallotMessage {
    const doc = this.instance?.documents.get(boardId);
    const laneOf = (id: NoteId): LaneId | null => (doc ? (noteFacts(doc, id)?.laneId ?? null) : null);
    return { type: VOTING.ballot, roundId: round.id, dots, ...remainingFor(round.settings, dots, laneOf), refunded };
  }

  refuse(
    connection: Connection,
    request: { type: VotingClientType; noteId?: NoteId; requestId?: string } | null,
    refusal: Refusal,
  ): void {
    const noteId = request?.noteId ?? null;
    const message: VotingRefusedMessage = { type: VOTING.refused, ...refusalFields(refusal, request), noteId };
    connection.sendStateless(JSON.stringify(message));
  }
}

/** Why someone with no ballot row yet may not join a round that only the people present at its opening vote in. */
export const NOT_ELIGIBLE: Refusal = {
  code: 'not-eligible',
  message: 'This round is for the people who were here when it opened.',
};

/** The domain whose signed-in members alone may vote on this connection's board, when this person is not one. */
export function guestOf(connection: Connection): string | null {
  return (connection.context as Partial<AccessContext>).guestOfDomain ?? null;
}

/**
 * Why this role may not vote in a round with these settings, or null. Commenters may vote: voting
 * is not editing. A guest on a members-only board (MembersOnly.ts) may not, whatever the link.
 */
export function votingRefusal(
  role: Role | undefined,
  settings: RoundSettings,
  guestOfDomain: string | null = null,
): Refusal | null {
  if (!role || role === 'viewer') return { code: 'not-allowed', message: 'Viewers can follow the round but not vote.' };
  if (guestOfDomain)
    return {
      code: 'members-only',
      message: `Only signed-in members of ${guestOfDomain} vote on this board. Sign in with your company account to vote.`,
    };
  if (role === 'facilitator' && !settings.facilitatorVotes)
    return { code: 'facilitator-not-voting', message: 'You run this round without voting in it.' };
  return null;
}

export function noteFacts(doc: Y.Doc, noteId: NoteId): NoteFacts | null {
  const rec = getRecord(doc, noteId);
  if (!rec) return null;
  const note = readNote(noteId, rawFields(rec));
  return { id: noteId, kind: note.kind, laneId: note.position.laneId };
}

function publicRound(round: StoredRound): OpenRoundInfo {
  return {
    id: round.id,
    settings: round.settings,
    openedAt: round.openedAt,
    endsAt: round.endsAt,
    openedBy: round.openedBy.name,
  };
}
