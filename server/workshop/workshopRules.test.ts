import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKSHOP_STATE,
  readWorkshopState,
  timerRemainingMs,
  TIMER_MAX_MS,
  type TimerCommand,
  type WorkshopState,
} from '../../shared/protocol/workshop.ts';
import { applyWorkshopCommand, nextDeadline, settleTimer } from './workshopRules.ts';

const T0 = 1_800_000_000_000;
const timer = (action: TimerCommand['action'], extra: object = {}) =>
  ({ type: 'journeyboard:timer', action, ...extra }) as TimerCommand;

function run(state: WorkshopState, steps: [number, Parameters<typeof applyWorkshopCommand>[1]][]): WorkshopState {
  for (const [at, command] of steps) {
    const result = applyWorkshopCommand(state, command, at);
    if (!result.ok) throw new Error(result.message);
    state = result.state;
  }
  return state;
}

describe('workshop rules', () => {
  it('set, start, pause, resume, add a minute and reset move the countdown on the server clock', () => {
    let s = run(DEFAULT_WORKSHOP_STATE, [[T0, timer('set', { durationMs: 120_000 })]]);
    expect(s.timer).toMatchObject({ status: 'idle', remainingMs: 120_000, durationMs: 120_000 });
    s = run(s, [[T0, timer('start')]]);
    expect(s.timer).toMatchObject({ status: 'running', endsAt: T0 + 120_000, run: 1 });
    expect(timerRemainingMs(s.timer, T0 + 30_000)).toBe(90_000);
    s = run(s, [[T0 + 30_000, timer('pause')]]);
    expect(s.timer).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 90_000 });
    expect(timerRemainingMs(s.timer, T0 + 999_999)).toBe(90_000); // paused time does not run
    s = run(s, [[T0 + 100_000, timer('resume')]]);
    expect(s.timer).toMatchObject({ status: 'running', endsAt: T0 + 190_000 });
    s = run(s, [[T0 + 110_000, timer('add', { ms: 60_000 })]]);
    expect(timerRemainingMs(s.timer, T0 + 110_000)).toBe(140_000);
    s = run(s, [[T0 + 120_000, timer('reset')]]);
    expect(s.timer).toMatchObject({ status: 'idle', endsAt: null, remainingMs: 120_000 });
  });

  it('refuses moves that make no sense, with a reason', () => {
    const refuse = (s: WorkshopState, command: TimerCommand) => {
      const r = applyWorkshopCommand(s, command, T0);
      return r.ok ? null : r.message;
    };
    expect(refuse(DEFAULT_WORKSHOP_STATE, timer('pause'))).toMatch(/not running/);
    expect(refuse(DEFAULT_WORKSHOP_STATE, timer('resume'))).toMatch(/not paused/);
    const running = run(DEFAULT_WORKSHOP_STATE, [[T0, timer('start')]]);
    expect(refuse(running, timer('start'))).toMatch(/already running/);
  });

  it('reaches zero at the deadline; with lockOnEnd the board locks then, at the deadline’s time', () => {
    const s = run(DEFAULT_WORKSHOP_STATE, [
      [T0, timer('set', { durationMs: 60_000 })],
      [T0, timer('options', { lockOnEnd: true })],
      [T0, timer('start')],
    ]);
    expect(nextDeadline(s)).toBe(T0 + 60_000);
    expect(settleTimer(s, T0 + 59_999)).toBe(s);
    const done = settleTimer(s, T0 + 75_000);
    expect(done.timer).toMatchObject({ status: 'done', remainingMs: 0, endsAt: null });
    expect(done.lock).toEqual({ locked: true, commentsOpen: true, since: T0 + 60_000, byTimer: true });
    expect(nextDeadline(done)).toBeNull();
    // Without lockOnEnd nothing is locked.
    const quiet = settleTimer(run(DEFAULT_WORKSHOP_STATE, [[T0, timer('start')]]), T0 + 10 * 60_000);
    expect(quiet.lock.locked).toBe(false);
  });

  it('"add a minute" at zero starts a one-minute run; a negative add never goes below zero; adds are capped at 24 h', () => {
    const done = settleTimer(run(DEFAULT_WORKSHOP_STATE, [[T0, timer('start')]]), T0 + 3_600_000);
    const extra = run(done, [[T0 + 3_600_000, timer('add', { ms: 60_000 })]]);
    expect(extra.timer).toMatchObject({ status: 'running', endsAt: T0 + 3_660_000, run: 2 });
    const cut = run(extra, [[T0 + 3_600_000, timer('add', { ms: -120_000 })]]);
    expect(cut.timer).toMatchObject({ status: 'done', remainingMs: 0 });
    const idle = run(DEFAULT_WORKSHOP_STATE, [[T0, timer('add', { ms: TIMER_MAX_MS })]]);
    expect(idle.timer.remainingMs).toBe(TIMER_MAX_MS);
  });

  it('a command settles an expired timer first (the lock it causes is kept)', () => {
    const s = run(DEFAULT_WORKSHOP_STATE, [
      [T0, timer('options', { lockOnEnd: true })],
      [T0, timer('start')],
    ]);
    const after = run(s, [[T0 + 3_600_000, { type: 'journeyboard:cursors', hidden: true }]]);
    expect(after.timer.status).toBe('done');
    expect(after.lock.locked).toBe(true);
    expect(after.hideCursors).toBe(true);
  });

  it('lock keeps its start time and the comments choice; unlock clears the time', () => {
    const locked = run(DEFAULT_WORKSHOP_STATE, [
      [T0, { type: 'journeyboard:lock', locked: true, commentsOpen: false }],
    ]);
    expect(locked.lock).toEqual({ locked: true, commentsOpen: false, since: T0, byTimer: false });
    const again = run(locked, [[T0 + 5, { type: 'journeyboard:lock', locked: true }]]);
    expect(again.lock).toEqual({ locked: true, commentsOpen: false, since: T0, byTimer: false });
    const open = run(again, [[T0 + 9, { type: 'journeyboard:lock', locked: false }]]);
    expect(open.lock).toEqual({ locked: false, commentsOpen: false, since: null, byTimer: false });
  });

  it('vote totals: a facilitator hides a round’s dots for everyone and shows them again; nothing else changes', () => {
    const hidden = run(DEFAULT_WORKSHOP_STATE, [[T0, { type: 'journeyboard:vote-totals', hiddenRound: 'round:r1' }]]);
    expect(hidden).toEqual({ ...DEFAULT_WORKSHOP_STATE, hiddenVoteRound: 'round:r1' });
    expect(run(hidden, [[T0 + 1, { type: 'journeyboard:vote-totals', hiddenRound: null }]])).toEqual(
      DEFAULT_WORKSHOP_STATE,
    );
  });

  it('a state saved before hiddenVoteRound existed is read whole, with the totals shown', () => {
    const { hiddenVoteRound: _, ...old } = { ...DEFAULT_WORKSHOP_STATE, hideCursors: true };
    expect(readWorkshopState(JSON.parse(JSON.stringify(old)))).toEqual({
      ...DEFAULT_WORKSHOP_STATE,
      hideCursors: true,
      hiddenVoteRound: null,
    });
  });
});
