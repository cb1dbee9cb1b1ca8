import {
  parseVotingServerMessage,
  VOTING,
  type LaneId,
  type NoteId,
  type OpenRoundInfo,
  type PendingVoter,
  type RoundId,
  type RoundSettingsInput,
  type VotingClientType,
  type VotingServerMessage,
} from '../../../shared/index.ts';
import { showToast } from '../editorState.ts';
import { Store } from '../store.ts';
import { HeldByServer, type HeldSessionDeps } from '../reveal/HeldByServer.ts';

/** My own ballot in the open round, as the server last confirmed it. */
interface MyBallot {
  readonly roundId: RoundId;
  readonly dots: Readonly<Record<NoteId, number>>;
  readonly remaining: number;
  readonly remainingByLane: Readonly<Record<LaneId, number>>;
}

export interface VotingState {
  /** The open round (settings only, never anyone's dots), or null. */
  readonly round: OpenRoundInfo | null;
  /** Server clock minus mine (ms), from the last state message: countdowns use server time. */
  readonly clockOffset: number;
  readonly canVote: boolean;
  readonly whyNot: string | null;
  readonly ballot: MyBallot | null;
  /** Facilitators: who still has dots. */
  readonly pending: readonly PendingVoter[] | null;
  /** While true, a click on a note places a dot instead of selecting it. */
  readonly voteMode: boolean;
  /** Side panel with results of revealed rounds. */
  readonly resultsOpen: boolean;
  /** The revealed round whose totals are drawn on the notes: 'latest' (the default), one, or none (null). */
  readonly shownRoundId: RoundId | 'latest' | null;
  readonly startDialogOpen: boolean;
  /** Last refusal, for the test API and the bar. */
  readonly lastRefusal: { readonly code: string; readonly message: string } | null;
}

/**
 * The client side of secret voting rounds: speaks shared/protocol/voting.ts over the board
 * connection's JSON channel and keeps what this person may know (the open round, their own
 * ballot, and for facilitators who still has dots). Says hello on every (re)connection, so a
 * reconnecting participant gets their ballot back. Never writes the document.
 */
export class VotingSession {
  readonly state = new Store<VotingState>({
    round: null,
    clockOffset: 0,
    canVote: false,
    whyNot: null,
    ballot: null,
    pending: null,
    voteMode: false,
    resultsOpen: false,
    shownRoundId: 'latest',
    startDialogOpen: false,
    lastRefusal: null,
  });
  private readonly deps: HeldSessionDeps;
  private readonly offs: (() => void)[] = [];
  /** Hello on every (re)connection, sending, and the offline refusal (client/board/reveal/). */
  private readonly channel: HeldByServer<VotingClientType>;
  private requestSeq = 0;

  constructor(deps: HeldSessionDeps) {
    this.deps = deps;
    this.channel = new HeldByServer({
      ...deps,
      hello: VOTING.hello,
      // Dots are counted by the server alone: without a connection there is nothing to click.
      offlineMessage: 'You are offline: dots are placed by the server, so wait until you are back online.',
      receive: (m) => this.receive(parseVotingServerMessage(m)),
    });
    let voting = false;
    this.offs.push(
      this.state.subscribe(() => {
        const now = this.state.get().voteMode;
        if (now && !voting) deps.presence.setCursor(null);
        voting = now;
      }),
    );
  }

  /** Server time now (ms), for countdowns. */
  serverNow(): number {
    return Date.now() + this.state.get().clockOffset;
  }

  start(settings: RoundSettingsInput): void {
    this.channel.send({ type: VOTING.start, settings });
  }

  place(noteId: NoteId): void {
    const round = this.state.get().round;
    if (round && this.channel.offline()) return;
    if (round) this.channel.send({ type: VOTING.place, roundId: round.id, noteId, requestId: `r${++this.requestSeq}` });
  }

  remove(noteId: NoteId): void {
    const round = this.state.get().round;
    if (round && this.channel.offline()) return;
    if (round)
      this.channel.send({ type: VOTING.remove, roundId: round.id, noteId, requestId: `r${++this.requestSeq}` });
  }

  reveal(): void {
    const round = this.state.get().round;
    if (round) this.channel.send({ type: VOTING.reveal, roundId: round.id });
  }

  cancel(): void {
    const round = this.state.get().round;
    if (round) this.channel.send({ type: VOTING.cancel, roundId: round.id });
  }

  destroy(): void {
    this.channel.destroy();
    this.offs.splice(0).forEach((off) => off());
  }

  private receive(message: VotingServerMessage | null): void {
    if (!message) return;
    if (message.type === VOTING.state) {
      const previous = this.state.get().round;
      const opened = message.round !== null && previous?.id !== message.round.id;
      const you = message.you;
      this.state.update((s) => ({
        round: message.round,
        clockOffset: message.now - Date.now(),
        canVote: you?.canVote ?? false,
        whyNot: you?.why ?? null,
        pending: message.pending,
        ballot:
          message.round === null
            ? null
            : s.ballot?.roundId === message.round.id
              ? s.ballot
              : you
                ? {
                    roundId: message.round.id,
                    dots: {},
                    remaining: you.remaining,
                    remainingByLane: you.remainingByLane,
                  }
                : null,
        voteMode: message.round === null ? false : opened ? (you?.canVote ?? false) : s.voteMode,
        shownRoundId:
          message.event?.kind === 'revealed' ? message.event.roundId : message.round ? null : s.shownRoundId,
        resultsOpen: message.event?.kind === 'revealed' ? true : s.resultsOpen,
      }));
      if (message.event?.kind === 'opened' && opened)
        showToast(this.deps.editor, `Voting started on “${message.event.title}”: click notes to place your dots`);
      if (message.event?.kind === 'revealed')
        showToast(this.deps.editor, `Votes revealed for “${message.event.title}”`);
      if (message.event?.kind === 'cancelled')
        showToast(this.deps.editor, `The round “${message.event.title}” was cancelled.`);
    } else if (message.type === VOTING.ballot) {
      const round = this.state.get().round;
      if (!round || round.id !== message.roundId) return;
      this.state.update({
        ballot: {
          roundId: message.roundId,
          dots: message.dots,
          remaining: message.remaining,
          remainingByLane: message.remainingByLane,
        },
      });
      if (message.refunded.length > 0) {
        showToast(
          this.deps.editor,
          `A note you voted on was deleted: ${message.refunded.length === 1 ? 'its dots are' : 'their dots are'} back in your budget.`,
        );
      }
    } else {
      this.state.update({ lastRefusal: { code: message.code, message: message.message } });
      showToast(this.deps.editor, message.message, 'error');
    }
  }
}
