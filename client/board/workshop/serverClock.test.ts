import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKSHOP_STATE, timerRemainingMs, type TimerState } from '../../../shared/protocol/workshop.ts';
import { describeDuration, formatCountdown, ServerClock } from './serverClock.ts';

describe('ServerClock', () => {
  it('two clients whose clocks differ by minutes show the same remaining time', () => {
    const serverNow = 1_800_000_000_000;
    const running: TimerState = { ...DEFAULT_WORKSHOP_STATE.timer, status: 'running', endsAt: serverNow + 120_000 };
    // Client A runs 7 minutes slow, client B 3 minutes fast; both receive the same message 40 ms after it was sent.
    const a = new ServerClock();
    const b = new ServerClock();
    const aSkew = -7 * 60_000;
    const bSkew = 3 * 60_000;
    a.observe(serverNow, serverNow + 40 + aSkew);
    b.observe(serverNow, serverNow + 40 + bSkew);
    // 30 s later on the real clock, each reads its own (skewed) clock.
    const real = serverNow + 30_000;
    const leftA = timerRemainingMs(running, a.now(real + aSkew));
    const leftB = timerRemainingMs(running, b.now(real + bSkew));
    expect(leftA).toBe(leftB);
    expect(Math.abs(leftA - 90_000)).toBeLessThanOrEqual(40); // off by the travel time at most
    // Without the server's clock they would disagree by ten minutes.
    expect(timerRemainingMs(running, real + aSkew) - timerRemainingMs(running, real + bSkew)).not.toBe(0);
  });

  it('keeps the quickest recent sample and forgets old ones', () => {
    const c = new ServerClock(3);
    c.observe(1000, 900); // +100, a quick message
    c.observe(2000, 1950); // +50, a slow one
    expect(c.offset).toBe(100);
    c.observe(3000, 2990);
    c.observe(4000, 3990);
    c.observe(5000, 4990); // the +100 sample has aged out
    expect(c.offset).toBe(10);
    expect(new ServerClock().offset).toBe(0);
  });

  it('formats the countdown and durations', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01'); // rounds up: 0:00 only at zero
    expect(formatCountdown(245_000)).toBe('4:05');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(describeDuration(90_000)).toBe('1 min 30 s');
    expect(describeDuration(300_000)).toBe('5 min');
    expect(describeDuration(30_000)).toBe('30 s');
    expect(describeDuration(5_400_000)).toBe('1 h 30 min');
  });
});
