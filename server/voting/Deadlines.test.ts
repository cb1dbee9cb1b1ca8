import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadlines, MAX_TIMER_MS } from './Deadlines.ts';

describe('Deadlines', () => {
  afterEach(() => vi.useRealTimers());

  it('fires a 30-day deadline after 30 days, not when the first setTimeout step (24.8 days) ends', () => {
    vi.useFakeTimers({ now: 0 });
    const fired: number[] = [];
    const deadlines = new Deadlines<string>(Date.now);
    const thirtyDays = 30 * 24 * 3600_000;
    deadlines.set('round:a', thirtyDays, () => fired.push(Date.now()));
    vi.advanceTimersByTime(MAX_TIMER_MS + 1000);
    expect(fired).toEqual([]);
    expect(deadlines.has('round:a')).toBe(true);
    vi.advanceTimersByTime(thirtyDays - MAX_TIMER_MS);
    expect(fired).toEqual([thirtyDays]);
    expect(deadlines.has('round:a')).toBe(false);
  });

  it('a passed deadline fires at once; clear and close cancel', () => {
    vi.useFakeTimers({ now: 10_000 });
    const deadlines = new Deadlines<string>(Date.now);
    const fired: string[] = [];
    deadlines.set('past', 5_000, () => fired.push('past'));
    deadlines.set('later', 20_000, () => fired.push('later'));
    deadlines.set('gone', 20_000, () => fired.push('gone'));
    deadlines.clear('gone');
    vi.advanceTimersByTime(0);
    expect(fired).toEqual(['past']);
    deadlines.close();
    vi.advanceTimersByTime(20_000);
    expect(fired).toEqual(['past']);
    deadlines.set('after-close', 0, () => fired.push('after-close'));
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['past']);
  });
});
