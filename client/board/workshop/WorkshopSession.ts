import {
  BRING_EVERYONE_TYPE,
  bringEveryoneSchema,
  canFacilitate,
  CURSORS_TYPE,
  DEFAULT_WORKSHOP_STATE,
  LOCK_TYPE,
  lockedOut,
  TIMER_TYPE,
  timerRemainingMs,
  workshopRefusedSchema,
  workshopStateMessageSchema,
  type BringEveryoneMessage,
  type CursorsCommand,
  type LockCommand,
  type Peer,
  type TimerCommand,
  type ViewRect,
  type VoteTotalsCommand,
  VOTE_TOTALS_TYPE,
  type WorkshopState,
} from '../../../shared/index.ts';
import type { AccessState } from '../access.ts';
import { showToast, type EditorState } from '../editorState.ts';
import { Store } from '../store.ts';
import type { Identity } from '../../identity/identity.ts';
import type { BoardConnection } from '../../sync/connectBoard.ts';
import type { PresenceStore } from '../../sync/presenceStore.ts';
import { playChime } from './chime.ts';
import { cameraForView, viewOf, viewsDiffer } from './followCamera.ts';
import { ServerClock } from './serverClock.ts';

/** What the workshop UI reads (useStore(session.workshop.view, …)). */
export interface WorkshopView {
  readonly state: WorkshopState;
  /** A state message has arrived (until then the defaults are shown). */
  readonly received: boolean;
  /** The awareness client id of the person whose view I follow. */
  readonly following: number | null;
  /** My own "hide other people's cursors" switch. */
  readonly localHideCursors: boolean;
  /** The timer run whose zero is being signalled right now (the chip pulses), or null. */
  readonly ringing: number | null;
}

export interface WorkshopDeps {
  readonly connection: Pick<BoardConnection, 'onMessage' | 'send' | 'resync'>;
  readonly presence: PresenceStore;
  readonly editor: Store<EditorState>;
  readonly identity: Store<{ me: Identity }>;
  readonly access: Store<AccessState>;
}

type TimerAction = TimerCommand extends infer C ? (C extends TimerCommand ? Omit<C, 'type'> : never) : never;

const VIEW_PUBLISH_MS = 120;
const AWAY_AFTER_MS = 3 * 60_000;
const RING_MS = 6_000;

/**
 * This person's side of the live-workshop controls: the server's workshop state (timer, lock,
 * hidden cursors) and its clock, the facilitator's commands, follow-me (my view published in
 * awareness; following someone moves my camera with theirs until I pan or zoom myself), "bring
 * everyone", away detection and the chime at zero. The server decides; this only shows and asks.
 */
export class WorkshopSession {
  readonly view = new Store<WorkshopView>({
    state: DEFAULT_WORKSHOP_STATE,
    received: false,
    following: null,
    localHideCursors: false,
    ringing: null,
  });
  readonly clock = new ServerClock();

  private readonly deps: WorkshopDeps;
  private readonly cleanup: (() => void)[] = [];
  private readonly aborter = new AbortController();
  /** The camera I set while following; any other camera means the person moved by hand. */
  private appliedCamera: EditorState['camera'] | null = null;
  private appliedView: ViewRect | null = null;
  private lastViewport: EditorState['viewport'] | null = null;
  private lastCamera: EditorState['camera'] | null = null;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private published: ViewRect | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;
  private ringTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private seenRunning = -1;
  private chimedRun = -1;

  constructor(deps: WorkshopDeps) {
    this.deps = deps;
    this.cleanup.push(deps.connection.onMessage(this.onMessage));
    this.cleanup.push(deps.editor.subscribe(this.onEditor));
    this.cleanup.push(deps.presence.subscribe(this.onPeers));
    this.watchAway();
  }

  // ---- reading ----

  get state(): WorkshopState {
    return this.view.get().state;
  }

  /** The last timer run whose zero was signalled here (chime and pulse), or -1. */
  get lastChimedRun(): number {
    return this.chimedRun;
  }

  /** Time left on the timer by the server's clock. */
  remainingMs(localNow: number = Date.now()): number {
    return timerRemainingMs(this.state.timer, this.clock.now(localNow));
  }

  /** The lock takes my writes away (I am not the facilitator). */
  isLockedOut(): boolean {
    const role = this.deps.access.get().role;
    return role !== null && lockedOut(role, 'board', this.state.lock);
  }

  /** Why the board is read-only for me because of the lock, or null. */
  lockReason(): string | null {
    return this.isLockedOut()
      ? 'The facilitator locked the board: you can look around, but changes wait until they unlock it.'
      : null;
  }

  /** Other people's cursors are hidden for me: by my own switch, or by the facilitator (who still sees them). */
  cursorsHidden(): boolean {
    const { localHideCursors, state } = this.view.get();
    const role = this.deps.access.get().role;
    return localHideCursors || (state.hideCursors && !(role && canFacilitate(role)));
  }

  // ---- facilitator commands (the server refuses them from anyone else) ----

  timer(action: TimerAction): void {
    this.deps.connection.send({ type: TIMER_TYPE, ...action });
  }

  setLock(locked: boolean, commentsOpen?: boolean): void {
    const command: LockCommand = { type: LOCK_TYPE, locked, ...(commentsOpen === undefined ? {} : { commentsOpen }) };
    this.deps.connection.send(command);
  }

  setHideCursors(hidden: boolean): void {
    const command: CursorsCommand = { type: CURSORS_TYPE, hidden };
    this.deps.connection.send(command);
  }

  /** Takes a revealed round's dots off everyone's board (its id), or puts them back (null). */
  setVoteTotalsHidden(hiddenRound: string | null): void {
    const command: VoteTotalsCommand = { type: VOTE_TOTALS_TYPE, hiddenRound };
    this.deps.connection.send(command);
  }

  bringEveryone(): void {
    const { camera, viewport } = this.deps.editor.get();
    const view = viewOf(camera, viewport);
    if (!view) return;
    const message: BringEveryoneMessage = { type: BRING_EVERYONE_TYPE, view, by: this.deps.identity.get().me.name };
    this.deps.connection.send(message);
    showToast(this.deps.editor, 'Everyone now sees what you see.');
  }

  // ---- everyone ----

  setLocalHideCursors(hidden: boolean): void {
    this.view.update({ localHideCursors: hidden });
  }

  /** Follows a person's view (their avatar was clicked); my own avatar does nothing. */
  follow(clientId: number): void {
    if (clientId === this.deps.presence.clientId) return;
    this.view.update({ following: clientId });
    this.deps.presence.setFollowing(clientId);
    this.appliedView = null;
    this.onPeers();
  }

  stopFollowing(): void {
    if (this.view.get().following === null) return;
    this.view.update({ following: null });
    this.deps.presence.setFollowing(null);
    this.appliedCamera = null;
    this.appliedView = null;
  }

  /** The person I follow, if they are still here. */
  followedPeer(): Peer | null {
    const id = this.view.get().following;
    return id === null ? null : (this.deps.presence.getPeers().find((p) => p.clientId === id) ?? null);
  }

  destroy(): void {
    this.cleanup.forEach((off) => off());
    this.aborter.abort();
    for (const t of [this.publishTimer, this.deadline, this.ringTimer, this.idleTimer]) if (t) clearTimeout(t);
  }

  // ---- internals ----

  private readonly onMessage = (message: unknown): void => {
    const state = workshopStateMessageSchema.safeParse(message);
    if (state.success) {
      this.clock.observe(state.data.now, Date.now());
      this.setState(state.data.state);
      return;
    }
    const bring = bringEveryoneSchema.safeParse(message);
    if (bring.success) {
      this.stopFollowing();
      this.moveTo(bring.data.view);
      showToast(this.deps.editor, `${bring.data.by} brought everyone to their view.`);
      return;
    }
    const refused = workshopRefusedSchema.safeParse(message);
    if (refused.success) showToast(this.deps.editor, refused.data.message, 'error');
  };

  private setState(state: WorkshopState): void {
    const wasLockedOut = this.isLockedOut();
    this.view.update({ state, received: true });
    // Changes refused while locked (made in the instant before the lock arrived) are sent now.
    if (wasLockedOut && !this.isLockedOut()) this.deps.connection.resync();
    this.scheduleZero();
  }

  /** Chimes once per run, when my countdown reaches zero or the server says it did. */
  private scheduleZero(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
    const { timer } = this.state;
    if (timer.status === 'running') {
      this.seenRunning = timer.run;
      this.deadline = setTimeout(() => this.ring(timer.run), Math.max(0, this.remainingMs()));
    } else if (timer.status === 'done' && this.seenRunning === timer.run) {
      this.ring(timer.run);
    } else if (timer.status !== 'done') {
      this.view.update({ ringing: null });
    }
  }

  private ring(run: number): void {
    if (this.chimedRun === run) return;
    this.chimedRun = run;
    playChime();
    this.view.update({ ringing: run });
    if (this.ringTimer) clearTimeout(this.ringTimer);
    this.ringTimer = setTimeout(() => this.view.update({ ringing: null }), RING_MS);
  }

  private moveTo(view: ViewRect): void {
    const camera = cameraForView(view, this.deps.editor.get().viewport);
    this.appliedCamera = camera;
    this.deps.editor.update({ camera, fitted: true });
  }

  private readonly onEditor = (): void => {
    const { camera, viewport } = this.deps.editor.get();
    const cameraMoved = camera !== this.lastCamera;
    const resized = viewport !== this.lastViewport;
    this.lastCamera = camera;
    this.lastViewport = viewport;
    if (!cameraMoved && !resized) return;
    if (this.view.get().following !== null) {
      if (cameraMoved && camera !== this.appliedCamera)
        this.stopFollowing(); // panned or zoomed by hand
      else if (resized) {
        this.appliedView = null;
        this.onPeers();
      }
    }
    this.schedulePublish();
  };

  private schedulePublish(): void {
    if (this.publishTimer) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      const { camera, viewport, fitted } = this.deps.editor.get();
      const view = fitted ? viewOf(camera, viewport) : null;
      if (viewsDiffer(view, this.published)) {
        this.published = view;
        this.deps.presence.setView(view);
      }
    }, VIEW_PUBLISH_MS);
  }

  private readonly onPeers = (): void => {
    if (this.view.get().following === null) return;
    const peer = this.followedPeer();
    if (!peer) {
      this.stopFollowing();
      showToast(this.deps.editor, 'The person you followed has left.');
      return;
    }
    if (peer.view && viewsDiffer(peer.view, this.appliedView)) {
      this.appliedView = peer.view;
      this.moveTo(peer.view);
    }
  };

  /** Away: the tab is hidden, or no pointer or key for a few minutes. */
  private watchAway(): void {
    if (typeof document === 'undefined') return;
    const signal = this.aborter.signal;
    const update = (idle: boolean) => this.deps.presence.setAway(document.visibilityState === 'hidden' || idle);
    const active = () => {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => update(true), AWAY_AFTER_MS);
      update(false);
    };
    let last = 0;
    const throttled = () => {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      active();
    };
    document.addEventListener('visibilitychange', () => update(false), { signal });
    window.addEventListener('pointermove', throttled, { signal, passive: true });
    window.addEventListener('keydown', throttled, { signal });
    active();
  }
}
