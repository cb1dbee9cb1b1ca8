import type { Department } from '../../shared/schema/department.ts';
import type { NoteId, RoundId } from '../../shared/schema/ids.ts';
import type { RoundFields } from '../../shared/schema/round.ts';
import type { RoundSettings } from '../../shared/protocol/voting.ts';

/**
 * Where voting rounds and their secret ballots live (VotingRepository.ts, both databases, one
 * contract suite: votingStoreContract.ts). The database is the source of truth:
 * ballots never enter the board document, and a revealed round's record in the document is
 * rewritten from `result` if anyone changes it.
 *
 * Tables (docs/api.md, "Voting"): `voting_rounds` (one row per round; at most one `open` per
 * board, enforced by a unique partial index) and `voting_ballots` (one row per round and person).
 */
export interface VotingStore {
  /** Stores a new open round. Resolves false (stores nothing) if the board already has one open. */
  openRound(round: NewRound): Promise<boolean>;
  getOpenRound(boardId: string): Promise<StoredRound | null>;
  getRound(boardId: string, roundId: RoundId): Promise<StoredRound | null>;
  /** The board's revealed rounds, oldest first. */
  listRevealed(boardId: string): Promise<StoredRound[]>;
  /** Every open round with a time limit, on every board (to schedule the reveals after a restart). */
  listTimedOpenRounds(): Promise<StoredRound[]>;
  /**
   * Closes an open round (revealed with its result, or cancelled). Compare-and-set: resolves false
   * if it was not open any more (another request or server instance closed it first).
   */
  closeRound(boardId: string, roundId: RoundId, close: RoundClosing): Promise<boolean>;
  /**
   * Reveals an open round atomically: reads its ballots, `count`s them into the result and
   * closes the round with it, while no ballot can be written (several instances: a ballot write
   * on another instance either lands before and is counted, or after and is refused). Resolves
   * the result, or null (nothing written) if the round was not open any more.
   */
  revealRound(
    boardId: string,
    roundId: RoundId,
    at: number,
    count: (ballots: StoredBallot[]) => RoundFields,
  ): Promise<RoundFields | null>;
  getBallots(roundId: RoundId): Promise<StoredBallot[]>;
  getBallot(roundId: RoundId, personId: string): Promise<StoredBallot | null>;
  /** Deletes a person's ballot while the round is open (a removed person's dots stop counting); false if none. */
  deleteBallot(roundId: RoundId, personId: string): Promise<boolean>;
  /**
   * Writes a ballot if nobody changed it since it was read (compare-and-set on `version`):
   * `expectedVersion` 0 inserts a new row. Resolves false when the row changed meanwhile or the
   * round is no longer open; the caller reads again and retries.
   */
  saveBallot(ballot: BallotWrite, expectedVersion: number): Promise<boolean>;
}

export type RoundStatus = 'open' | 'revealed' | 'cancelled';

export interface NewRound {
  readonly id: RoundId;
  readonly boardId: string;
  readonly settings: RoundSettings;
  readonly openedAt: number;
  readonly openedBy: { readonly id: string; readonly name: string };
  readonly endsAt: number | null;
}

export interface StoredRound extends NewRound {
  readonly status: RoundStatus;
  readonly closedAt: number | null;
  /** The record written into the document at reveal; null unless revealed. */
  readonly result: RoundFields | null;
}

export type RoundClosing =
  | { readonly status: 'revealed'; readonly at: number; readonly result: RoundFields }
  | { readonly status: 'cancelled'; readonly at: number };

export interface BallotWrite {
  readonly roundId: RoundId;
  readonly personId: string;
  readonly name: string;
  readonly department: Department;
  /** Dots per note; notes with 0 are absent. */
  readonly dots: Readonly<Record<NoteId, number>>;
  readonly updatedAt: number;
}

export interface StoredBallot extends BallotWrite {
  /** Bumped by every write (compare-and-set). */
  readonly version: number;
}
