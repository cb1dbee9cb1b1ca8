import type { BoardSession } from '../BoardSession.ts';

/** What e2e tests can read about voting (window.__journeyboard.voting()). */
export interface VotingTestState {
  readonly round: {
    readonly id: string;
    readonly title: string;
    readonly dotsPerPerson: number;
    readonly endsAt: number | null;
  } | null;
  readonly canVote: boolean;
  readonly voteMode: boolean;
  /** My own dots per note (the only ballot this page can know). */
  readonly myDots: Record<string, number>;
  readonly remaining: number | null;
  /** Facilitators: names of people who still have dots; null for others. */
  readonly pending: string[] | null;
  readonly lastRefusal: { readonly code: string; readonly message: string } | null;
  /** The revealed round drawn on the notes (this person's choice). */
  readonly shownRoundId: string | null;
  /** The round the facilitator took off everyone's board (workshop state), or null. */
  readonly hiddenForEveryone: string | null;
  /** Revealed rounds in the document, oldest first. */
  readonly rounds: {
    readonly id: string;
    readonly title: string;
    readonly totals: Record<string, number>;
    readonly voterCount: number;
  }[];
}

export function votingTestState(session: BoardSession): VotingTestState {
  const s = session.voting.state.get();
  return {
    round: s.round
      ? {
          id: s.round.id,
          title: s.round.settings.title,
          dotsPerPerson: s.round.settings.dotsPerPerson,
          endsAt: s.round.endsAt,
        }
      : null,
    canVote: s.canVote,
    voteMode: s.voteMode,
    myDots: { ...(s.ballot?.dots ?? {}) },
    remaining: s.ballot?.remaining ?? null,
    pending: s.pending?.map((p) => p.name) ?? null,
    lastRefusal: s.lastRefusal,
    shownRoundId: s.shownRoundId,
    hiddenForEveryone: session.workshop.state.hiddenVoteRound,
    rounds: session.model.source
      .getSnapshot()
      .rounds.map((r) => ({ id: r.id, title: r.title, totals: { ...r.totals }, voterCount: r.voterCount })),
  };
}
