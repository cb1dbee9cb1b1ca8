import { z } from 'zod';
import { canFacilitate, canWrite, type BoardDocumentKind, type Role } from './roles.ts';

/**
 * Live-workshop controls (issue 4): the timer, the lock, "hide everyone's cursors" and "vote
 * totals off everyone's board" (issue 22) are one
 * per-board state held by the server (persisted in its database, never in the board document,
 * which editors can write) and sent to every connection of the board as a Hocuspocus stateless
 * message. Only a facilitator changes it (server/extensions/RoleAccess.ts STATELESS_RULES).
 * "Bring everyone to me" is relayed, not stored. docs/api.md, "Workshop controls".
 */

// ---- the state ----

export const TIMER_MIN_MS = 1_000;
/** 24 hours: a timer is for a workshop session, not a deadline. */
export const TIMER_MAX_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIMER_MS = 5 * 60 * 1000;

export const timerStateSchema = z.object({
  /** What "reset" goes back to. */
  durationMs: z.number().int().min(TIMER_MIN_MS).max(TIMER_MAX_MS),
  /** idle: set, not started; running: counting down to endsAt; paused: remainingMs left; done: reached zero. */
  status: z.enum(['idle', 'running', 'paused', 'done']),
  /** The server-clock instant (epoch ms) it reaches zero; only while running. */
  endsAt: z.number().nullable(),
  /** Time left while idle or paused (0 when done; while running, derive it from endsAt). */
  remainingMs: z.number().int().min(0).max(TIMER_MAX_MS),
  /** Lock the board when it reaches zero (the server does, at the deadline). */
  lockOnEnd: z.boolean(),
  /** Counts starts; a client chimes once per run that reaches zero. */
  run: z.number().int().min(0),
});
export type TimerState = z.infer<typeof timerStateSchema>;

export const lockStateSchema = z.object({
  locked: z.boolean(),
  /** While locked: may commenters and editors still write the comments document? */
  commentsOpen: z.boolean(),
  /** When it was locked (server epoch ms); null when unlocked. */
  since: z.number().nullable(),
  /** The timer locked it (lockOnEnd), rather than a facilitator's click. */
  byTimer: z.boolean(),
});
export type LockState = z.infer<typeof lockStateSchema>;

export const workshopStateSchema = z.object({
  timer: timerStateSchema,
  lock: lockStateSchema,
  /** The facilitator hid everyone else's cursors (quiet individual work). */
  hideCursors: z.boolean(),
  /**
   * The revealed round whose dots the facilitator took off everyone's board, or null: the last
   * revealed round's totals show on the notes for everyone until then (and again after "show").
   * A newer reveal has another id, so its dots show. Absent in rows saved before it existed.
   */
  hiddenVoteRound: z.string().min(1).max(64).nullable().default(null),
});
export type WorkshopState = z.infer<typeof workshopStateSchema>;

export const DEFAULT_WORKSHOP_STATE: WorkshopState = {
  timer: {
    durationMs: DEFAULT_TIMER_MS,
    status: 'idle',
    endsAt: null,
    remainingMs: DEFAULT_TIMER_MS,
    lockOnEnd: false,
    run: 0,
  },
  lock: { locked: false, commentsOpen: true, since: null, byTimer: false },
  hideCursors: false,
  hiddenVoteRound: null,
};

/** Tolerant read (a stored row, a message): anything that does not parse is the default state. */
export function readWorkshopState(value: unknown): WorkshopState {
  const parsed = workshopStateSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_WORKSHOP_STATE;
}

/** Time left on the timer at server time `serverNow`. */
export function timerRemainingMs(timer: TimerState, serverNow: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow);
  if (timer.status === 'done') return 0;
  return timer.remainingMs;
}

/**
 * Whether the lock takes a connection's writes away: never a facilitator's; on the board
 * document everyone else's; on the comments document only if the facilitator closed comments.
 */
export function lockedOut(role: Role, kind: BoardDocumentKind, lock: LockState): boolean {
  if (!lock.locked || canFacilitate(role)) return false;
  return kind === 'board' || !lock.commentsOpen;
}

/** What the server enforces on a connection: its role's rights, minus the lock. */
export function connectionReadOnly(role: Role, kind: BoardDocumentKind, lock: LockState): boolean {
  return !canWrite(role, kind) || lockedOut(role, kind, lock);
}

// ---- messages: server → client ----

export const WORKSHOP_STATE_TYPE = 'journeyboard:workshop';
export const BRING_EVERYONE_TYPE = 'journeyboard:bring-everyone';
export const WORKSHOP_REFUSED_TYPE = 'journeyboard:workshop-refused';

/** The state, on connect and after every change; `now` is the server's clock when it was sent. */
export const workshopStateMessageSchema = z.object({
  type: z.literal(WORKSHOP_STATE_TYPE),
  state: workshopStateSchema,
  now: z.number(),
});
export type WorkshopStateMessage = z.infer<typeof workshopStateMessageSchema>;

/** A board-space rectangle someone is looking at. */
export const viewRectSchema = z.object({
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
  width: z.number().finite().positive().max(1e7),
  height: z.number().finite().positive().max(1e7),
});
export type ViewRect = z.infer<typeof viewRectSchema>;

/** Facilitator → server: move everyone else's view to mine. The server relays it with the same type. */
export const bringEveryoneSchema = z.object({
  type: z.literal(BRING_EVERYONE_TYPE),
  view: viewRectSchema,
  /** The facilitator's display name, for "Fay brought everyone here". */
  by: z.string().min(1).max(60),
});
export type BringEveryoneMessage = z.infer<typeof bringEveryoneSchema>;

/** Server → the sender only: a workshop command it could not apply, and why. */
export const workshopRefusedSchema = z.object({
  type: z.literal(WORKSHOP_REFUSED_TYPE),
  message: z.string(),
});

// ---- messages: facilitator → server ----

export const TIMER_TYPE = 'journeyboard:timer';
export const LOCK_TYPE = 'journeyboard:lock';
export const CURSORS_TYPE = 'journeyboard:cursors';
export const VOTE_TOTALS_TYPE = 'journeyboard:vote-totals';

export const timerCommandSchema = z.discriminatedUnion('action', [
  z.object({
    type: z.literal(TIMER_TYPE),
    action: z.literal('set'),
    durationMs: z.number().int().min(TIMER_MIN_MS).max(TIMER_MAX_MS),
  }),
  z.object({ type: z.literal(TIMER_TYPE), action: z.literal('start') }),
  z.object({ type: z.literal(TIMER_TYPE), action: z.literal('pause') }),
  z.object({ type: z.literal(TIMER_TYPE), action: z.literal('resume') }),
  z.object({
    type: z.literal(TIMER_TYPE),
    action: z.literal('add'),
    ms: z.number().int().min(-TIMER_MAX_MS).max(TIMER_MAX_MS),
  }),
  z.object({ type: z.literal(TIMER_TYPE), action: z.literal('reset') }),
  z.object({ type: z.literal(TIMER_TYPE), action: z.literal('options'), lockOnEnd: z.boolean() }),
]);
export type TimerCommand = z.infer<typeof timerCommandSchema>;

export const lockCommandSchema = z.object({
  type: z.literal(LOCK_TYPE),
  locked: z.boolean(),
  /** Defaults to the current choice. */
  commentsOpen: z.boolean().optional(),
});
export type LockCommand = z.infer<typeof lockCommandSchema>;

export const cursorsCommandSchema = z.object({
  type: z.literal(CURSORS_TYPE),
  hidden: z.boolean(),
});
export type CursorsCommand = z.infer<typeof cursorsCommandSchema>;

/** Takes a revealed round's dots off everyone's board (`hiddenRound`: its id), or puts them back (null). */
export const voteTotalsCommandSchema = z.object({
  type: z.literal(VOTE_TOTALS_TYPE),
  hiddenRound: z.string().min(1).max(64).nullable(),
});
export type VoteTotalsCommand = z.infer<typeof voteTotalsCommandSchema>;

export const workshopCommandSchema = z.union([
  timerCommandSchema,
  lockCommandSchema,
  cursorsCommandSchema,
  voteTotalsCommandSchema,
]);
export type WorkshopCommand = z.infer<typeof workshopCommandSchema>;

/** Every stateless type a facilitator sends for the workshop controls (RoleAccess rules). */
export const WORKSHOP_COMMAND_TYPES = [
  TIMER_TYPE,
  LOCK_TYPE,
  CURSORS_TYPE,
  VOTE_TOTALS_TYPE,
  BRING_EVERYONE_TYPE,
] as const;
