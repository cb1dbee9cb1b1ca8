import type { Connection } from '@hocuspocus/server';
import { getRecord } from '../../shared/doc/boardDoc.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import { newId, randomId, type LaneId, type StageId } from '../../shared/schema/ids.ts';
import {
  MAX_DRAFTS_PER_PERSON,
  PRIVATE,
  privateWritingClientMessageSchema,
  type PhaseSettings,
  type PrivateWriter,
  type PrivateWritingClientMessage,
} from '../../shared/protocol/privateWriting.ts';
import { withLiveDocument } from '../live/boardQueue.ts';
import { log } from '../observability/log.ts';
import { changeRefusal, PrivateWritingOutbox, type Refusal } from './PrivateWritingOutbox.ts';
import type { PrivateWritingStore, StoredDraft, StoredPhase } from './PrivateWritingStore.ts';
import { revealDrafts } from './revealDrafts.ts';
import { PhaseTimers, type WorkshopTimer } from './PhaseTimers.ts';
import { PRIVATE_WRITING_TOPIC, privateWritingEventSchema, type PrivateWritingEvent } from './privateWritingEvents.ts';
import type { BoardEvents } from '../scaleout/ClusterEvents.ts';
import { roleOf } from '../reveal/HeldAudience.ts';
import { HeldService } from '../reveal/HeldService.ts';

export interface PrivateWritingServiceOptions {
  readonly store: PrivateWritingStore;
  /** The workshop timer (WorkshopService): a phase can be tied to it. */
  readonly timer?: WorkshopTimer;
  /** MAX_NOTE_LENGTH: a longer draft is refused (it could not become a note whole). */
  readonly maxNoteLength: number;
  /** MAX_RECORDS: no drafts past what the board could hold as notes. */
  readonly maxRecords: number;
  readonly now?: () => number;
  /** Several instances (REDIS_URL): tells the others of each change, and hears theirs. */
  readonly cluster?: BoardEvents;
}

type Msg<T extends PrivateWritingClientMessage['type']> = Extract<PrivateWritingClientMessage, { type: T }>;

/**
 * Private writing phases. While a phase is open, people who write the board add drafts
 * instead of notes: stored by this service (PrivateWritingStore), echoed to their author alone,
 * counted for everyone else. The reveal writes every stored draft into the live document through
 * the model's `addNote` (revealDrafts.ts) in one server transaction; a cancel closes the phase and
 * keeps the drafts, still private, for their authors and the next reveal.
 *
 * Requests of one board run one at a time (a queue per board). That queue is per process: with
 * several instances, the database serialises what matters (PrivateWritingStore): a draft insert
 * holds the open phase's row, and the reveal holds it and the drafts while it writes the notes
 * and closes the phase, so a draft added, edited or removed through another instance during a
 * reveal is either in it or refused, and only one instance writes the notes, however many
 * facilitators or timers reveal at once. Each change is published as a board event
 * (privateWritingEvents.ts); every other instance re-sends, from the database, what its own
 * connections may see, and watches (or drops) the phase's timer.
 */
export class PrivateWritingService extends HeldService<
  PrivateWritingClientMessage,
  PrivateWritingEvent,
  StoredPhase,
  PrivateWritingOutbox
> {
  private readonly store: PrivateWritingStore;
  private readonly now: () => number;
  private readonly maxNoteLength: number;
  private readonly maxRecords: number;
  private readonly timers: PhaseTimers | null;
  /** Timed reveals waiting out their grace (HeldService.revealGrace). */
  private readonly graceTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: PrivateWritingServiceOptions) {
    const now = options.now ?? Date.now;
    super(
      {
        feature: 'private writing',
        ends: 'private writing',
        hello: PRIVATE.hello,
        messages: privateWritingClientMessageSchema,
        topic: PRIVATE_WRITING_TOPIC,
        events: privateWritingEventSchema,
        cluster: options.cluster,
      },
      new PrivateWritingOutbox(options.store, now),
    );
    this.store = options.store;
    this.now = now;
    this.maxNoteLength = options.maxNoteLength;
    this.maxRecords = options.maxRecords;
    this.timers = options.timer
      ? new PhaseTimers(options.timer, (boardId, phaseId) => this.timedReveal(boardId, phaseId))
      : null;
  }

  /** Watches the timers of phases left open by a previous run (one that ended meanwhile reveals now). */
  async start(): Promise<void> {
    for (const phase of await this.store.listTimedOpenPhases()) this.timers?.watch(phase);
  }

  override close(): void {
    super.close();
    this.timers?.close();
    for (const t of this.graceTimers) clearTimeout(t);
    this.graceTimers.clear();
  }

  protected dispatchFrom(
    connection: Connection,
    boardId: string,
    writer: PrivateWriter,
    message: Exclude<PrivateWritingClientMessage, { type: typeof PRIVATE.hello }>,
  ): Promise<void> {
    switch (message.type) {
      case PRIVATE.start:
        return this.startPhase(connection, boardId, writer, message.settings);
      case PRIVATE.reveal:
        return this.closeByFacilitator(connection, boardId, message, message.phaseId, 'reveal');
      case PRIVATE.cancel:
        return this.closeByFacilitator(connection, boardId, message, message.phaseId, 'cancel');
      case PRIVATE.add:
        return this.add(connection, boardId, writer, message);
      case PRIVATE.update:
        return this.update(connection, boardId, writer, message);
      case PRIVATE.remove:
        return this.remove(connection, boardId, writer, message);
    }
  }

  protected async welcome(connection: Connection, boardId: string): Promise<void> {
    await this.out.sendState(connection, boardId, await this.store.getOpenPhase(boardId), null);
  }

  protected openHeld(boardId: string): Promise<StoredPhase | null> {
    return this.store.getOpenPhase(boardId);
  }

  /** A removed person's drafts are discarded, never revealed; resolves with how many. */
  discardDraftsOf(boardId: string, personId: string): Promise<number> {
    return this.queue.run(boardId, async () => {
      let discarded = 0;
      for (const draft of await this.store.listDraftsOf(boardId, personId)) {
        if (await this.store.deleteDraft(boardId, draft.id, personId)) {
          discarded++;
          this.tell(boardId, { kind: 'draft', personId, draftId: draft.id, counts: true });
        }
      }
      if (discarded > 0) await this.out.broadcastCounts(boardId);
      return discarded;
    });
  }

  // ---- the facilitator's phase ----

  private async startPhase(
    connection: Connection,
    boardId: string,
    by: PrivateWriter,
    settings: PhaseSettings,
  ): Promise<void> {
    if (roleOf(connection) !== 'facilitator')
      return this.out.refuse(
        connection,
        { type: PRIVATE.start },
        { code: 'not-allowed', message: 'Only a facilitator starts private writing.' },
      );
    if (await this.store.getOpenPhase(boardId)) {
      return this.out.refuse(
        connection,
        { type: PRIVATE.start },
        { code: 'phase-already-open', message: 'Private writing is already on; reveal or cancel it first.' },
      );
    }
    let timerRun: number | null = null;
    if (settings.timerMinutes !== null) {
      if (!this.timers)
        return this.out.refuse(
          connection,
          { type: PRIVATE.start },
          { code: 'not-allowed', message: 'This server has no workshop timer.' },
        );
      const started = await this.timers.startTimer(boardId, Math.round(settings.timerMinutes * 60_000));
      if (!started.ok)
        return this.out.refuse(
          connection,
          { type: PRIVATE.start },
          { code: 'storage-failed', message: started.message },
        );
      timerRun = started.run;
    }
    const phase: StoredPhase = {
      id: `phase-${randomId(12)}`,
      boardId,
      openedAt: this.now(),
      openedBy: { id: by.id, name: by.name },
      timerRun,
      status: 'open',
      closedAt: null,
    };
    if (!(await this.store.openPhase(phase))) {
      return this.out.refuse(
        connection,
        { type: PRIVATE.start },
        { code: 'phase-already-open', message: 'Private writing is already on; reveal or cancel it first.' },
      );
    }
    log.info({ board: boardId }, `private writing ${phase.id} opened`);
    this.timers?.watch(phase);
    const event = { kind: 'opened', phaseId: phase.id } as const;
    await this.out.broadcastState(boardId, phase, event);
    this.tell(boardId, { kind: 'phase', event });
  }

  protected async cancel(boardId: string, phase: StoredPhase): Promise<boolean> {
    if (!(await this.store.cancelPhase(boardId, phase.id, this.now()))) return false;
    this.timers?.forget(boardId);
    log.info({ board: boardId }, `private writing ${phase.id} cancelled; drafts kept`);
    const event = { kind: 'cancelled', phaseId: phase.id } as const;
    await this.out.broadcastState(boardId, null, event);
    this.tell(boardId, { kind: 'phase', event });
    return true;
  }

  /**
   * Every stored draft of the board (this phase's and any kept from a cancelled one) becomes a
   * note, once (PrivateWritingStore.revealPhase): note ids assigned and stored first; then, with
   * the phase and the drafts held in the database, one document transaction, the phase closed
   * and the written drafts deleted. A failure after the document write leaves drafts whose notes
   * exist; the next reveal sees the notes and does not write them again, so nothing is lost or
   * doubled. False if the phase was not open any more (another instance revealed or cancelled it).
   */
  protected async reveal(boardId: string, phase: StoredPhase): Promise<boolean> {
    const outcome = await withLiveDocument(
      this.instance,
      boardId,
      (doc) =>
        this.store.revealPhase(
          boardId,
          phase.id,
          this.now(),
          () => newId('note'),
          (drafts) => revealDrafts(doc, drafts),
        ),
      { privateWriting: true },
    );
    if (!outcome) return false;
    for (const k of outcome.kept)
      log.warn({ board: boardId, draft: k.id }, `a draft stays private at the reveal: ${k.reason}`);
    this.timers?.forget(boardId);
    log.info(
      { board: boardId },
      `private writing ${phase.id} revealed (${outcome.written.length} notes, ${outcome.moved.length} moved to an existing cell, ${outcome.kept.length} kept)`,
    );
    const event = {
      kind: 'revealed',
      phaseId: phase.id,
      notes: outcome.written.length,
      kept: outcome.kept.length,
    } as const;
    await this.out.broadcastState(boardId, null, event);
    this.tell(boardId, { kind: 'phase', event });
    return true;
  }

  /** The workshop timer of a tied phase is done (PhaseTimers): reveal it, if nobody has yet. */
  private timedReveal(boardId: string, phaseId: string): Promise<void> {
    const grace = this.revealGrace(boardId);
    if (grace === 0) return this.revealIfOpen(boardId, phaseId);
    const timer = setTimeout(() => {
      this.graceTimers.delete(timer);
      void this.revealIfOpen(boardId, phaseId);
    }, grace);
    timer.unref?.();
    this.graceTimers.add(timer);
    return Promise.resolve();
  }

  // ---- drafts ----

  private async add(
    connection: Connection,
    boardId: string,
    writer: PrivateWriter,
    message: Msg<'private:add'>,
  ): Promise<void> {
    const refused = changeRefusal(connection) ?? this.textRefusal(message.text);
    if (refused) return this.out.refuse(connection, message, refused);
    if (!(await this.store.getOpenPhase(boardId))) {
      return this.out.refuse(connection, message, {
        code: 'no-open-phase',
        message: 'Private writing has ended; add the note to the board instead.',
      });
    }
    const cellMissing = this.cellRefusal(boardId, message.stageId, message.laneId);
    if (cellMissing) return this.out.refuse(connection, message, cellMissing);
    const all = await this.store.listDrafts(boardId);
    if (all.filter((d) => d.personId === writer.id).length >= MAX_DRAFTS_PER_PERSON) {
      return this.out.refuse(connection, message, {
        code: 'too-many-drafts',
        message: `You have ${MAX_DRAFTS_PER_PERSON} private notes already; wait for the reveal.`,
      });
    }
    const notes = this.instance?.documents.get(boardId)
      ? readBoard(this.instance.documents.get(boardId)!).notes.length
      : 0;
    if (notes + all.length >= this.maxRecords)
      return this.out.refuse(connection, message, { code: 'board-full', message: 'The board cannot hold more notes.' });
    const at = this.now();
    const draft: StoredDraft = {
      boardId,
      id: message.id,
      personId: writer.id,
      name: writer.name,
      department: writer.department,
      stageId: message.stageId,
      laneId: message.laneId,
      kind: message.kind ?? null,
      text: message.text,
      placedAt: at,
      createdAt: at,
      updatedAt: at,
      noteId: null,
    };
    if (!(await this.store.insertDraft(draft))) {
      // The insert waits for a reveal on another instance; if one came first, the phase is over.
      if (!(await this.store.getOpenPhase(boardId)))
        return this.out.refuse(connection, message, {
          code: 'no-open-phase',
          message: 'Private writing has ended; add the note to the board instead.',
        });
      return this.out.refuse(connection, message, { code: 'draft-exists', message: 'That draft exists already.' });
    }
    this.out.sendDraft(boardId, draft, message.requestId ?? null);
    await this.out.broadcastCounts(boardId);
    this.tell(boardId, { kind: 'draft', personId: writer.id, draftId: draft.id, counts: true });
  }

  private async update(
    connection: Connection,
    boardId: string,
    writer: PrivateWriter,
    message: Msg<'private:update'>,
  ): Promise<void> {
    const refused = changeRefusal(connection) ?? (message.text === undefined ? null : this.textRefusal(message.text));
    if (refused) return this.out.refuse(connection, message, refused);
    const draft = await this.store.getDraft(boardId, message.id);
    // Someone else's draft is "not found": its existence is no one else's business.
    if (!draft || draft.personId !== writer.id)
      return this.out.refuse(connection, message, {
        code: 'draft-not-found',
        message: 'That private note no longer exists.',
      });
    const moved =
      message.stageId !== undefined &&
      message.laneId !== undefined &&
      (message.stageId !== draft.stageId || message.laneId !== draft.laneId);
    if (moved) {
      const cellMissing = this.cellRefusal(boardId, message.stageId!, message.laneId!);
      if (cellMissing) return this.out.refuse(connection, message, cellMissing);
    }
    const at = this.now();
    const next: StoredDraft = {
      ...draft,
      name: writer.name,
      department: writer.department,
      text: message.text ?? draft.text,
      kind: message.kind ?? draft.kind,
      stageId: moved ? message.stageId! : draft.stageId,
      laneId: moved ? message.laneId! : draft.laneId,
      placedAt: moved ? at : draft.placedAt,
      updatedAt: at,
    };
    if (!(await this.store.updateDraft(next)))
      return this.out.refuse(connection, message, {
        code: 'draft-not-found',
        message: 'That private note no longer exists.',
      });
    this.out.sendDraft(boardId, next, message.requestId ?? null);
    this.tell(boardId, { kind: 'draft', personId: writer.id, draftId: next.id, counts: false });
  }

  private async remove(
    connection: Connection,
    boardId: string,
    writer: PrivateWriter,
    message: Msg<'private:remove'>,
  ): Promise<void> {
    const refused = changeRefusal(connection);
    if (refused) return this.out.refuse(connection, message, refused);
    if (!(await this.store.deleteDraft(boardId, message.id, writer.id)))
      return this.out.refuse(connection, message, {
        code: 'draft-not-found',
        message: 'That private note no longer exists.',
      });
    this.out.sendRemoved(boardId, writer.id, message.id, message.requestId ?? null);
    await this.out.broadcastCounts(boardId);
    this.tell(boardId, { kind: 'draft', personId: writer.id, draftId: message.id, counts: true });
  }

  private textRefusal(text: string): Refusal | null {
    return text.length > this.maxNoteLength
      ? { code: 'invalid-message', message: `A note holds at most ${this.maxNoteLength} characters.` }
      : null;
  }

  private cellRefusal(boardId: string, stageId: StageId, laneId: LaneId): Refusal | null {
    const doc = this.instance?.documents.get(boardId);
    if (doc && getRecord(doc, stageId) && getRecord(doc, laneId)) return null;
    return { code: 'cell-not-found', message: 'That stage or lane no longer exists; someone may have removed it.' };
  }

  protected async notOpen(boardId: string, phaseId: string): Promise<Refusal> {
    const asked = await this.store.getPhase(boardId, phaseId);
    if (asked && asked.status !== 'open')
      return { code: 'phase-closed', message: `That private writing phase has ended (${asked.status}).` };
    return { code: 'no-open-phase', message: 'There is no private writing phase open.' };
  }

  // ---- other instances ----

  /** Another instance changed this board's private writing: bring this instance's connections (and timers) up to date. */
  protected async heard(boardId: string, event: PrivateWritingEvent): Promise<void> {
    if (event.kind === 'phase') {
      // The database, not the event, says what is open now (events of two instances may cross).
      const phase = await this.store.getOpenPhase(boardId);
      // Every instance watches a tied phase's timer, in case the one that opened it stops.
      if (phase && phase.timerRun !== null) this.timers?.watch(phase);
      else this.timers?.forget(boardId);
      if (this.out.connectionsOf(boardId).length > 0) await this.out.broadcastState(boardId, phase, event.event);
      return;
    }
    if (this.out.connectionsOf(boardId).length === 0) return;
    const draft = await this.store.getDraft(boardId, event.draftId);
    if (draft && draft.personId === event.personId) this.out.sendDraft(boardId, draft, null);
    else this.out.sendRemoved(boardId, event.personId, event.draftId, null);
    if (event.counts) await this.out.broadcastCounts(boardId);
  }
}
