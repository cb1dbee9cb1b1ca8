import type { Connection } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { getRecord } from '../../shared/doc/boardDoc.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import { newId, type NoteId, type RoundId } from '../../shared/schema/ids.ts';
import {
  VOTING,
  votingClientMessageSchema,
  type RoundSettings,
  type VoterIdentity,
  type VotingClientMessage,
} from '../../shared/protocol/voting.ts';
import { Deadlines } from './Deadlines.ts';
import { checkPlace, withDot, type Dots, type Refusal } from './ballotRules.ts';
import { roundResult } from './roundResult.ts';
import { reconcileRoundRecords, writeRoundRecord } from './roundRecords.ts';
import { guestOf, NOT_ELIGIBLE, noteFacts, VotingOutbox, votingRefusal } from './VotingOutbox.ts';
import type { StoredBallot, StoredRound, VotingRepository } from './VotingRepository.ts';
import { withLiveDocument } from '../live/boardQueue.ts';
import { VOTING_TOPIC, votingEventSchema, type VotingEvent } from './votingEvents.ts';
import type { BoardEvents } from '../scaleout/ClusterEvents.ts';
import { roleOf } from '../reveal/HeldAudience.ts';
import { HeldService } from '../reveal/HeldService.ts';
import { log } from '../observability/log.ts';

export interface VotingServiceOptions {
  readonly store: VotingRepository;
  /** Called right after each reveal is in the document (CheckpointService.voteRevealCheckpoint). */
  readonly onRevealed?: (boardId: string, doc: Y.Doc, round: { id: string; title: string }) => Promise<unknown>;
  readonly now?: () => number;
  /** Several instances (REDIS_URL): tells the others of each change, and hears theirs. */
  readonly cluster?: BoardEvents;
}

const CAS_ATTEMPTS = 8;

/**
 * Secret dot-voting rounds (docs/api.md, "Voting"): votes are secret until the reveal. Ballots
 * live in the VotingRepository and travel only between the server and their voter; the board document
 * gets the result once, at reveal, as a `round:` record written with the server origin.
 *
 * Identity: a ballot belongs to the person RoleAccess proved for the connection (a credential the
 * server issued; shared/protocol/identity.ts). `voting:hello` only gives the name and department
 * to show; an id in it is ignored. Budgets count per person over all their connections.
 *
 * Requests of one board run one at a time (a queue per board). That queue is per process: with
 * several instances, the database serialises what matters. Ballot writes are compare-and-set on
 * the ballot row's version (two instances cannot overspend a budget); a reveal counts and closes
 * the round in one step that ballot writes wait for (no dot acknowledged and left out), and
 * closing is compare-and-set on its status (one reveal, however many deadlines fire). Each
 * change is published as a board event (votingEvents.ts); every other instance re-sends, from
 * the database, what its own connections may see.
 */
export class VotingService extends HeldService<VotingClientMessage, VotingEvent, StoredRound, VotingOutbox> {
  private readonly store: VotingRepository;
  private readonly onRevealed: VotingServiceOptions['onRevealed'];
  private readonly now: () => number;
  /** Time limits of open rounds: the server reveals a round when its `endsAt` passes. */
  private readonly deadlines: Deadlines<RoundId>;

  constructor(options: VotingServiceOptions) {
    const now = options.now ?? Date.now;
    super(
      {
        feature: 'voting',
        ends: 'a round',
        hello: VOTING.hello,
        messages: votingClientMessageSchema,
        topic: VOTING_TOPIC,
        events: votingEventSchema,
        cluster: options.cluster,
      },
      new VotingOutbox(options.store, now),
    );
    this.store = options.store;
    this.onRevealed = options.onRevealed;
    this.now = now;
    this.deadlines = new Deadlines(this.now);
  }

  /** Arms the time limits of rounds left open by a previous run (a deadline already past reveals now). */
  async start(): Promise<void> {
    for (const round of await this.store.listTimedOpenRounds()) this.arm(round);
  }

  override close(): void {
    super.close();
    this.deadlines.close();
  }

  // ---- requests ----

  protected dispatchFrom(
    connection: Connection,
    boardId: string,
    voter: VoterIdentity,
    message: Exclude<VotingClientMessage, { type: typeof VOTING.hello }>,
  ): Promise<void> {
    switch (message.type) {
      case VOTING.start:
        return this.startRound(connection, boardId, voter, message.settings);
      case VOTING.place:
      case VOTING.remove:
        return this.changeDot(connection, boardId, voter, message);
      case VOTING.reveal:
        return this.closeByFacilitator(connection, boardId, message, message.roundId, 'reveal');
      case VOTING.cancel:
        return this.closeByFacilitator(connection, boardId, message, message.roundId, 'cancel');
    }
  }

  protected async welcome(connection: Connection, boardId: string, person: VoterIdentity): Promise<void> {
    const round = await this.liveOpenRound(boardId);
    // A round for the people present at its opening takes nobody new (they were registered then).
    const joined =
      round !== null &&
      !round.settings.onlyPresent &&
      votingRefusal(roleOf(connection), round.settings, guestOf(connection)) === null &&
      (await this.register(round, person));
    await this.out.sendState(connection, boardId, round, null);
    if (round) await this.out.sendStateToFacilitators(boardId, round);
    if (round && joined) this.tell(boardId, { kind: 'participants', roundId: round.id });
  }

  /** A removed person's dots in the open round stop counting; resolves with how many there were. */
  voidBallotOf(boardId: string, personId: string): Promise<number> {
    return this.queue.run(boardId, async () => {
      const round = await this.liveOpenRound(boardId);
      const ballot = round ? await this.store.getBallot(round.id, personId) : null;
      if (!round || !ballot || !(await this.store.deleteBallot(round.id, personId))) return 0;
      await this.out.sendStateToFacilitators(boardId, round);
      this.tell(boardId, { kind: 'participants', roundId: round.id });
      return Object.values(ballot.dots).reduce((sum, n) => sum + n, 0);
    });
  }

  private async startRound(
    connection: Connection,
    boardId: string,
    voter: VoterIdentity,
    settings: RoundSettings,
  ): Promise<void> {
    if (roleOf(connection) !== 'facilitator')
      return this.out.refuse(
        connection,
        { type: VOTING.start },
        { code: 'not-allowed', message: 'Only a facilitator starts a round.' },
      );
    const now = this.now();
    const round: StoredRound = {
      id: newId('round'),
      boardId,
      settings,
      openedAt: now,
      openedBy: { id: voter.id, name: voter.name },
      endsAt: settings.timeLimitMinutes === null ? null : now + settings.timeLimitMinutes * 60_000,
      status: 'open',
      closedAt: null,
      result: null,
    };
    await this.liveOpenRound(boardId); // a round whose time ran out is revealed first
    if (!(await this.store.openRound(round))) {
      return this.out.refuse(
        connection,
        { type: VOTING.start },
        { code: 'round-already-open', message: 'A round is already open on this board; reveal or cancel it first.' },
      );
    }
    log.info({ board: boardId }, `round ${round.id} opened (“${settings.title}”)`);
    this.arm(round);
    // Everyone connected who may vote is a participant from now (the facilitator sees who still has dots).
    await this.registerConnected(boardId, round);
    const event = { kind: 'opened', roundId: round.id, title: settings.title } as const;
    await this.out.broadcastState(boardId, round, event);
    this.tell(boardId, { kind: 'round', event });
  }

  private async changeDot(
    connection: Connection,
    boardId: string,
    voter: VoterIdentity,
    message: Extract<VotingClientMessage, { type: 'voting:place' | 'voting:remove' }>,
  ): Promise<void> {
    const round = await this.liveOpenRound(boardId);
    if (!round || round.id !== message.roundId)
      return this.out.refuse(connection, message, await this.notOpen(boardId, message.roundId));
    const notAllowed = votingRefusal(roleOf(connection), round.settings, guestOf(connection));
    if (notAllowed) return this.out.refuse(connection, message, notAllowed);
    const doc = this.instance?.documents.get(boardId);
    if (!doc) return;
    const laneOf = (id: NoteId) => noteFacts(doc, id)?.laneId ?? null;
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const ballot = await this.store.getBallot(round.id, voter.id);
      if (!ballot && round.settings.onlyPresent) return this.out.refuse(connection, message, NOT_ELIGIBLE);
      const dots: Dots = ballot?.dots ?? {};
      let next: Dots;
      if (message.type === VOTING.place) {
        const refusal = checkPlace(round.settings, dots, noteFacts(doc, message.noteId), laneOf);
        if (refusal) return this.out.refuse(connection, message, refusal);
        next = withDot(dots, message.noteId, 1);
      } else {
        if ((dots[message.noteId] ?? 0) <= 0)
          return this.out.refuse(connection, message, {
            code: 'no-dot-here',
            message: 'You have no dot on that note.',
          });
        next = withDot(dots, message.noteId, -1);
      }
      const write = {
        roundId: round.id,
        personId: voter.id,
        name: voter.name,
        department: voter.department,
        dots: next,
        updatedAt: this.now(),
      };
      if (await this.store.saveBallot(write, ballot?.version ?? 0)) {
        this.out.sendBallot(boardId, round, voter.id, next, []);
        await this.out.sendStateToFacilitators(boardId, round);
        this.tell(boardId, { kind: 'ballot', roundId: round.id, personId: voter.id, refunded: [] });
        return;
      }
      if (!(await this.store.getOpenRound(boardId)))
        return this.out.refuse(connection, message, await this.notOpen(boardId, message.roundId));
    }
    this.out.refuse(connection, message, {
      code: 'busy',
      message: 'Your ballot changed at the same moment elsewhere; try again.',
    });
  }

  protected async cancel(boardId: string, round: StoredRound): Promise<boolean> {
    if (!(await this.store.closeRound(boardId, round.id, { status: 'cancelled', at: this.now() }))) return false;
    this.disarm(round.id);
    log.info({ board: boardId }, `round ${round.id} cancelled`);
    const event = { kind: 'cancelled', roundId: round.id, title: round.settings.title } as const;
    await this.out.broadcastState(boardId, null, event);
    this.tell(boardId, { kind: 'round', event });
    return true;
  }

  // ---- reveal ----

  /**
   * Counts the ballots against the notes as they are now and closes the round with the result, in
   * one database step no ballot write interleaves with (VotingRepository.revealRound; once), writes the
   * `round:` record into the live document in one server transaction (persisted through the
   * update log like any change), checkpoints it, and tells everyone.
   */
  protected async reveal(boardId: string, round: StoredRound): Promise<boolean> {
    const done = await withLiveDocument(
      this.instance,
      boardId,
      async (doc) => {
        const at = this.now();
        const notes = readBoard(doc).notesById;
        const result = await this.store.revealRound(boardId, round.id, at, (ballots) =>
          roundResult(round, ballots, notes, at),
        );
        if (!result) return false;
        writeRoundRecord(doc, round.id, result);
        log.info({ board: boardId }, `round ${round.id} revealed (${result.voterCount} voters)`);
        await this.onRevealed?.(boardId, doc, { id: round.id, title: round.settings.title }).catch((error: unknown) =>
          log.error({ board: boardId, err: error }, 'no checkpoint at reveal'),
        );
        return true;
      },
      { voting: true },
    );
    if (!done) return false;
    this.disarm(round.id);
    const event = { kind: 'revealed', roundId: round.id, title: round.settings.title } as const;
    await this.out.broadcastState(boardId, null, event);
    this.tell(boardId, { kind: 'round', event });
    return true;
  }

  protected openHeld(boardId: string): Promise<StoredRound | null> {
    return this.liveOpenRound(boardId);
  }

  /** The board's open round; one whose time limit has passed is revealed on the way (and null returned). */
  private async liveOpenRound(boardId: string): Promise<StoredRound | null> {
    const round = await this.store.getOpenRound(boardId);
    if (round && round.endsAt !== null && round.endsAt <= this.now()) {
      await this.reveal(boardId, round);
      return null;
    }
    return round;
  }

  private arm(round: StoredRound): void {
    if (round.endsAt === null) return;
    this.deadlines.set(round.id, round.endsAt + this.revealGrace(round.boardId), () => {
      void this.revealIfOpen(round.boardId, round.id);
    });
  }

  /** Whether this instance will reveal the round when its time limit passes (tests, diagnostics). */
  armed(roundId: RoundId): boolean {
    return this.deadlines.has(roundId);
  }

  private disarm(roundId: RoundId): void {
    this.deadlines.clear(roundId);
  }

  // ---- round records in the document ----

  /**
   * Makes the document's `round:` records match the database (see reconcileRoundRecords): on load
   * (a reveal whose write was lost is written again) and after a client touched a round record.
   */
  reconcileRounds(boardId: string, doc: Y.Doc, only?: ReadonlySet<string>): Promise<string[]> {
    return this.queue.run(boardId, () => reconcileRoundRecords(this.store, boardId, doc, only));
  }

  /**
   * The same on load, outside the board's queue: a queued reveal may be the one loading the
   * document (openDirectConnection awaits afterLoadDocument), so waiting for the queue would
   * deadlock. Racing a reveal is harmless: both write the same result from the database.
   */
  reconcileOnLoad(boardId: string, doc: Y.Doc): Promise<string[]> {
    return reconcileRoundRecords(this.store, boardId, doc);
  }

  // ---- notes deleted during a round ----

  /** Gives back every dot on these (deleted) notes and tells each affected voter. */
  refundDeletedNotes(boardId: string, noteIds: readonly NoteId[]): Promise<void> {
    return this.queue.run(boardId, async () => {
      try {
        const round = await this.store.getOpenRound(boardId);
        if (!round) return;
        const doc = this.instance?.documents.get(boardId);
        const gone = noteIds.filter((id) => !doc || !getRecord(doc, id)); // undone meanwhile: keep the dots
        if (gone.length === 0) return;
        for (const ballot of await this.store.getBallots(round.id)) await this.refund(boardId, round, ballot, gone);
        await this.out.sendStateToFacilitators(boardId, round);
      } catch (error) {
        log.error({ board: boardId, err: error }, 'refund failed');
      }
    });
  }

  private async refund(
    boardId: string,
    round: StoredRound,
    first: StoredBallot,
    gone: readonly NoteId[],
  ): Promise<void> {
    let ballot: StoredBallot | null = first;
    for (let attempt = 0; ballot && attempt < CAS_ATTEMPTS; attempt++) {
      const refunded = gone.filter((id) => (ballot!.dots[id] ?? 0) > 0);
      if (refunded.length === 0) return;
      const dots = { ...ballot.dots };
      for (const id of refunded) delete dots[id];
      if (await this.store.saveBallot({ ...ballot, dots, updatedAt: this.now() }, ballot.version)) {
        this.out.sendBallot(boardId, round, ballot.personId, dots, refunded);
        this.tell(boardId, { kind: 'ballot', roundId: round.id, personId: ballot.personId, refunded });
        return;
      }
      ballot = await this.store.getBallot(round.id, ballot.personId);
    }
  }

  // ---- participants ----

  /** Resolves true if the person was not a participant yet. */
  private async register(round: StoredRound, person: VoterIdentity): Promise<boolean> {
    // An empty ballot row: the person now counts as a participant who still has dots.
    return this.store.saveBallot(
      {
        roundId: round.id,
        personId: person.id,
        name: person.name,
        department: person.department,
        dots: {},
        updatedAt: this.now(),
      },
      0,
    );
  }

  /** Registers everyone connected here who may vote in `round`; true if anyone was new. */
  private async registerConnected(boardId: string, round: StoredRound): Promise<boolean> {
    let joined = false;
    for (const c of this.out.connectionsOf(boardId)) {
      const person = this.out.identified(c);
      if (
        person &&
        votingRefusal(roleOf(c), round.settings, guestOf(c)) === null &&
        (await this.register(round, person))
      )
        joined = true;
    }
    return joined;
  }

  protected async notOpen(boardId: string, roundId: RoundId): Promise<Refusal> {
    const asked = await this.store.getRound(boardId, roundId);
    if (asked && asked.status !== 'open')
      return { code: 'round-closed', message: `The round “${asked.settings.title}” is closed.` };
    return { code: 'no-open-round', message: 'There is no open voting round.' };
  }

  // ---- other instances ----

  /** Another instance changed this board's voting: bring this instance's connections (and deadlines) up to date. */
  protected async heard(boardId: string, event: VotingEvent): Promise<void> {
    // The database, not the event, says what is open now (events of two instances may cross).
    const round = await this.store.getOpenRound(boardId);
    if (event.kind === 'round') {
      if (event.event.kind !== 'opened') this.disarm(event.event.roundId);
      if (round) this.arm(round); // every instance keeps the deadline, in case the opener stops
      if (round && (await this.registerConnected(boardId, round)))
        this.tell(boardId, { kind: 'participants', roundId: round.id });
      return await this.out.broadcastState(boardId, round, event.event);
    }
    if (round?.id !== event.roundId || this.out.connectionsOf(boardId).length === 0) return;
    if (event.kind === 'ballot') {
      const ballot = await this.store.getBallot(round.id, event.personId);
      if (ballot) this.out.sendBallot(boardId, round, ballot.personId, ballot.dots, event.refunded);
    }
    await this.out.sendStateToFacilitators(boardId, round);
  }
}
