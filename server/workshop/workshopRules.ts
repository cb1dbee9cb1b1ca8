import {
  TIMER_MAX_MS,
  timerRemainingMs,
  type LockState,
  type TimerCommand,
  type TimerState,
  type WorkshopCommand,
  type WorkshopState,
} from '../../shared/protocol/workshop.ts';

/** A command applied, or why not (the facilitator sees the message). */
export type WorkshopResult =
  | { readonly ok: true; readonly state: WorkshopState }
  | { readonly ok: false; readonly message: string };

/**
 * The workshop rules as a pure function of (state, command, server time): the timer's moves, the
 * lock, the cursor switch and the vote totals on everyone's board. WorkshopService persists and broadcasts what this returns.
 */
export function applyWorkshopCommand(state: WorkshopState, command: WorkshopCommand, now: number): WorkshopResult {
  const current = settleTimer(state, now);
  switch (command.type) {
    case 'journeyboard:timer': {
      const timer = applyTimer(current.timer, command, now);
      return typeof timer === 'string' ? { ok: false, message: timer } : { ok: true, state: { ...current, timer } };
    }
    case 'journeyboard:lock': {
      const lock: LockState = command.locked
        ? {
            locked: true,
            commentsOpen: command.commentsOpen ?? current.lock.commentsOpen,
            since: current.lock.locked ? current.lock.since : now,
            byTimer: false,
          }
        : {
            locked: false,
            commentsOpen: command.commentsOpen ?? current.lock.commentsOpen,
            since: null,
            byTimer: false,
          };
      return { ok: true, state: { ...current, lock } };
    }
    case 'journeyboard:cursors':
      return { ok: true, state: { ...current, hideCursors: command.hidden } };
    case 'journeyboard:vote-totals':
      return { ok: true, state: { ...current, hiddenVoteRound: command.hiddenRound } };
  }
}

function applyTimer(timer: TimerState, command: TimerCommand, now: number): TimerState | string {
  switch (command.action) {
    case 'set':
      // A new duration starts over: idle, full time, nothing running.
      return {
        ...timer,
        durationMs: command.durationMs,
        status: 'idle',
        endsAt: null,
        remainingMs: command.durationMs,
      };
    case 'start': {
      if (timer.status === 'running') return 'The timer is already running.';
      const left = timer.status === 'idle' || timer.status === 'paused' ? timer.remainingMs : timer.durationMs;
      if (left <= 0) return 'Set a duration first.';
      return { ...timer, status: 'running', endsAt: now + left, remainingMs: left, run: timer.run + 1 };
    }
    case 'pause':
      if (timer.status !== 'running') return 'The timer is not running.';
      return { ...timer, status: 'paused', endsAt: null, remainingMs: timerRemainingMs(timer, now) };
    case 'resume':
      if (timer.status !== 'paused') return 'The timer is not paused.';
      return { ...timer, status: 'running', endsAt: now + timer.remainingMs };
    case 'add': {
      const left = Math.min(TIMER_MAX_MS, Math.max(0, timerRemainingMs(timer, now) + command.ms));
      if (timer.status === 'running')
        return left > 0
          ? { ...timer, endsAt: now + left, remainingMs: left }
          : { ...timer, status: 'done', endsAt: null, remainingMs: 0 };
      // "One more minute" at zero starts a short extra run.
      if (timer.status === 'done')
        return left > 0
          ? { ...timer, status: 'running', endsAt: now + left, remainingMs: left, run: timer.run + 1 }
          : timer;
      return { ...timer, remainingMs: left };
    }
    case 'reset':
      return { ...timer, status: 'idle', endsAt: null, remainingMs: timer.durationMs };
    case 'options':
      return { ...timer, lockOnEnd: command.lockOnEnd };
  }
}

/**
 * A running timer whose deadline has passed is done; with lockOnEnd the board is locked then.
 * Applied at the deadline (WorkshopService's timeout), when a board's state is loaded (the
 * deadline may have passed while the server was down) and before every command.
 */
export function settleTimer(state: WorkshopState, now: number): WorkshopState {
  const { timer } = state;
  if (timer.status !== 'running' || timer.endsAt === null || timer.endsAt > now) return state;
  const done: TimerState = { ...timer, status: 'done', endsAt: null, remainingMs: 0 };
  const lock: LockState =
    timer.lockOnEnd && !state.lock.locked
      ? { locked: true, commentsOpen: state.lock.commentsOpen, since: timer.endsAt, byTimer: true }
      : state.lock;
  return { ...state, timer: done, lock };
}

/** When `state` next needs settling (a running timer's deadline), or null. */
export function nextDeadline(state: WorkshopState): number | null {
  return state.timer.status === 'running' ? state.timer.endsAt : null;
}
