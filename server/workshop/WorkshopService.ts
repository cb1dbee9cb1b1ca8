import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import {
  connectionReadOnly,
  readWorkshopState,
  WORKSHOP_REFUSED_TYPE,
  WORKSHOP_STATE_TYPE,
  type LockState,
  type WorkshopCommand,
  type WorkshopState,
  type WorkshopStateMessage,
} from '../../shared/protocol/workshop.ts';
import type { AccessContext } from '../access/AccessContext.ts';
import type { WorkshopStateRepository } from '../storage/WorkshopStateRepository.ts';
import type { BoardEvents } from '../scaleout/ClusterEvents.ts';
import { applyWorkshopCommand, nextDeadline, settleTimer, type WorkshopResult } from './workshopRules.ts';
import { log } from '../observability/log.ts';

export interface WorkshopServiceOptions {
  readonly store: WorkshopStateRepository;
  readonly now?: () => number;
  /** Several instances (REDIS_URL): tells the others of each change, and hears theirs. */
  readonly cluster?: BoardEvents;
}

/** The ClusterEvents topic: "this board's workshop state changed in the database". */
const WORKSHOP_TOPIC = 'workshop';
const CAS_ATTEMPTS = 8;

interface BoardEntry {
  state: WorkshopState;
  deadline: ReturnType<typeof setTimeout> | null;
}

/**
 * The live-workshop state of every board in use (timer, lock, hidden cursors): loaded from the
 * database when a board's first connection arrives, changed only through `apply` (facilitator
 * commands, checked by RoleAccess), saved before it is announced, then sent to every connection
 * of every document of the board (`<id>` and `<id>/comments`). A running timer is settled by a
 * server timeout at its deadline, so "lock when the timer ends" happens even with the
 * facilitator's tab closed; a deadline that passed while the server was down is settled on load.
 *
 * Commands for one board run one after another (a promise chain per board), so two quick clicks
 * never interleave their load and save. With several instances (a `cluster`), the database is
 * the truth: a command or a timer's end starts from the stored state, and each saved change is
 * published so every other instance reloads it, tells its connections and enforces the lock on
 * them. Writes are then compare-and-set on the row: two facilitators' commands on two instances
 * in the same instant (or a command and a timer's end) both apply, one after the other.
 */
export class WorkshopService {
  private readonly store: WorkshopStateRepository;
  private readonly now: () => number;
  private readonly boards = new Map<string, BoardEntry>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private instance: Hocuspocus | null = null;
  private readonly cluster: BoardEvents | undefined;

  constructor(options: WorkshopServiceOptions) {
    this.store = options.store;
    this.now = options.now ?? Date.now;
    this.cluster = options.cluster;
    // A board not loaded here needs nothing: its state is read from the database on first use.
    this.cluster?.onBoardEvent(WORKSHOP_TOPIC, (boardId) => {
      if (this.boards.has(boardId)) this.reloadInTurn(boardId);
    });
    // Changes saved elsewhere while Redis was away were announced to nobody here.
    this.cluster?.onReconnect(() => {
      for (const boardId of this.boards.keys()) this.reloadInTurn(boardId);
    });
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  /** The board's state (loaded and settled on first use). */
  state(boardId: string): Promise<WorkshopState> {
    const cached = this.boards.get(boardId);
    if (cached) return Promise.resolve(cached.state);
    return this.serial(boardId, async () => (await this.entry(boardId)).state);
  }

  /** The lock as known in memory, or null if the board's state is not loaded yet. */
  cachedLock(boardId: string): LockState | null {
    return this.boards.get(boardId)?.state.lock ?? null;
  }

  /** Applies a facilitator's command: saved, then broadcast and enforced. */
  apply(boardId: string, command: WorkshopCommand): Promise<WorkshopResult> {
    return this.serial(boardId, async () => {
      const entry = await this.entry(boardId);
      const change = (state: WorkshopState) =>
        applyWorkshopCommand(settleTimer(state, this.now()), command, this.now());
      let result: WorkshopResult;
      try {
        result = this.cluster ? await this.updateStored(boardId, change) : change(entry.state);
        if (result.ok && !this.cluster) await this.store.saveWorkshopState(boardId, result.state, this.now());
      } catch (error) {
        log.error({ board: boardId, err: error }, 'could not save the workshop state');
        return { ok: false, message: 'The server could not save this change; try again in a moment.' };
      }
      if (!result.ok) return result;
      this.commit(boardId, entry, result.state);
      this.tell(boardId);
      return result;
    });
  }

  /** The state message as one connection should receive it now. */
  message(state: WorkshopState): string {
    const message: WorkshopStateMessage = { type: WORKSHOP_STATE_TYPE, state, now: this.now() };
    return JSON.stringify(message);
  }

  refusal(message: string): string {
    return JSON.stringify({ type: WORKSHOP_REFUSED_TYPE, message });
  }

  /** Sets one connection's read-only flag from its role and the board's lock. */
  enforce(connection: Connection, lock: LockState): void {
    const role = (connection.context as Partial<AccessContext>).role;
    // No role means RoleAccess did not let it in: never writable.
    connection.readOnly = role
      ? connectionReadOnly(role, parseDocumentName(connection.document.name).kind, lock)
      : true;
  }

  /** Drops a board nobody has open (its state stays in the database). */
  forget(boardId: string): void {
    const entry = this.boards.get(boardId);
    if (entry?.deadline) clearTimeout(entry.deadline);
    this.boards.delete(boardId);
  }

  destroy(): void {
    for (const id of [...this.boards.keys()]) this.forget(id);
  }

  private async entry(boardId: string): Promise<BoardEntry> {
    const cached = this.boards.get(boardId);
    if (cached) return cached;
    const stored = readWorkshopState(await this.store.loadWorkshopState(boardId));
    const entry: BoardEntry = { state: stored, deadline: null };
    this.boards.set(boardId, entry);
    const settled = settleTimer(stored, this.now());
    if (settled !== stored) await this.saveQuietly(boardId, settled);
    // Whoever is connecting gets the state from the `connected` hook; announce only a change.
    this.commit(boardId, entry, settled, settled !== stored);
    if (settled !== stored) this.tell(boardId);
    return entry;
  }

  /** With several instances, the stored state (settled); alone, or if it cannot be read, the one in memory. */
  private async latest(boardId: string, entry: BoardEntry): Promise<WorkshopState> {
    if (!this.cluster) return entry.state;
    try {
      return settleTimer(readWorkshopState(await this.store.loadWorkshopState(boardId)), this.now());
    } catch (error) {
      log.error({ board: boardId, err: error }, 'could not read the workshop state; using the one in memory');
      return entry.state;
    }
  }

  /**
   * Several instances: applies `change` to the stored state and writes the result only if no
   * other instance wrote in between (compare-and-set on the row), else again from the newer
   * state. `change` returning null means nothing to write: the stored state is resolved with
   * `wrote: false`.
   */
  private async updateStored(
    boardId: string,
    change: (stored: WorkshopState) => WorkshopResult | null,
  ): Promise<WorkshopResult & { wrote?: boolean }> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const raw = await this.store.loadWorkshopState(boardId);
      const stored = readWorkshopState(raw);
      const result = change(stored);
      if (result === null) return { ok: true, state: stored, wrote: false };
      if (!result.ok) return result;
      if (await this.store.replaceWorkshopState(boardId, raw, result.state, this.now()))
        return { ...result, wrote: true };
    }
    return { ok: false, message: 'The workshop controls changed at the same moment elsewhere; try again.' };
  }

  private reloadInTurn(boardId: string): void {
    this.serial(boardId, () => this.reload(boardId)).catch((error: unknown) =>
      log.error({ board: boardId, err: error }, 'could not read the workshop state another instance saved'),
    );
  }

  /** Another instance saved a change: take it, tell this instance's connections, enforce the lock here. */
  private async reload(boardId: string): Promise<void> {
    const entry = this.boards.get(boardId);
    if (!entry) return;
    const stored = await this.latest(boardId, entry);
    if (!sameState(stored, entry.state)) this.commit(boardId, entry, stored);
  }

  private tell(boardId: string): void {
    this.cluster?.publishBoardEvent(WORKSHOP_TOPIC, boardId);
  }

  /** The state in memory, everyone told, the lock enforced, the next deadline scheduled. */
  private commit(boardId: string, entry: BoardEntry, state: WorkshopState, announce = true): void {
    const lockChanged = entry.state.lock !== state.lock;
    entry.state = state;
    if (entry.deadline) clearTimeout(entry.deadline);
    entry.deadline = null;
    const deadline = nextDeadline(state);
    if (deadline !== null) {
      // setTimeout caps at 2^31-1 ms; a timer is at most 24 h, far below it.
      entry.deadline = setTimeout(
        () => void this.serial(boardId, () => this.settle(boardId)),
        Math.max(0, deadline - this.now()),
      );
      entry.deadline.unref?.();
    }
    if (!announce) return;
    for (const connection of this.connections(boardId)) {
      if (lockChanged) this.enforce(connection, state.lock);
      connection.sendStateless(this.message(state));
    }
  }

  private async settle(boardId: string): Promise<void> {
    const entry = this.boards.get(boardId);
    if (!entry) return;
    if (this.cluster) {
      try {
        const settling = (state: WorkshopState): WorkshopResult | null => {
          const settled = settleTimer(state, this.now());
          return settled === state ? null : { ok: true, state: settled };
        };
        const outcome = await this.updateStored(boardId, settling);
        if (outcome.ok) {
          // Not written: woke early (reschedule), or another instance settled or changed it first (take that).
          this.commit(boardId, entry, outcome.state, outcome.wrote === true || !sameState(outcome.state, entry.state));
          if (outcome.wrote) this.tell(boardId);
          return;
        }
      } catch (error) {
        log.error({ board: boardId, err: error }, 'could not settle the timer in the database; settling it here');
      }
    }
    const settled = settleTimer(entry.state, this.now());
    if (settled === entry.state) {
      this.commit(boardId, entry, entry.state); // woke early (clock drift): reschedule
      return;
    }
    await this.saveQuietly(boardId, settled);
    this.commit(boardId, entry, settled);
    this.tell(boardId);
  }

  /** A settled timer is applied even if saving fails (the lock must happen); the next save retries. */
  private async saveQuietly(boardId: string, state: WorkshopState): Promise<void> {
    try {
      await this.store.saveWorkshopState(boardId, state, this.now());
    } catch (error) {
      log.error({ board: boardId, err: error }, 'could not save the settled timer');
    }
  }

  /** Every live connection to any document of the board. */
  private *connections(boardId: string): Generator<Connection> {
    if (!this.instance) return;
    for (const [name, document] of this.instance.documents) {
      if (parseDocumentName(name).boardId !== boardId) continue;
      yield* document.getConnections();
    }
  }

  private serial<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(boardId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.queues.set(boardId, tail);
    void tail.then(() => {
      if (this.queues.get(boardId) === tail) this.queues.delete(boardId);
    });
    return next;
  }
}

function sameState(a: WorkshopState, b: WorkshopState): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
