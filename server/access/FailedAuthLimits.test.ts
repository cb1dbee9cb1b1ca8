import { describe, expect, it } from 'vitest';
import { FailedAuthLimits } from './FailedAuthLimits.ts';

function limits(perAddress: number, perBoard: number, maxTracked?: number) {
  let now = 0;
  const l = new FailedAuthLimits({ perAddress, perBoard, maxTracked, now: () => now });
  return { l, advance: (ms: number) => (now += ms) };
}

function failTimes(l: FailedAuthLimits, address: string, board: string, n: number) {
  for (let i = 0; i < n; i++) {
    expect(l.admits(address, board)).toBe(true);
    l.failed(address, board);
  }
}

describe('FailedAuthLimits', () => {
  it('refuses an address after its failures, and lets it try again as the minute refills the bucket', () => {
    const { l, advance } = limits(3, 100);
    failTimes(l, 'a', 'b1', 3);
    expect(l.admits('a', 'b1')).toBe(false);
    expect(l.admits('a', 'b2')).toBe(false); // the address, whichever board
    advance(20_000); // a third of a minute: one attempt back
    expect(l.admits('a', 'b1')).toBe(true);
    l.failed('a', 'b1');
    expect(l.admits('a', 'b1')).toBe(false);
  });

  it('a board attacked from many addresses refuses those addresses, never one that has not failed', () => {
    const { l } = limits(3, 4);
    failTimes(l, 'x1', 'board', 2);
    failTimes(l, 'x2', 'board', 2);
    expect(l.admits('x1', 'board')).toBe(false); // has tokens of its own, but the board has none
    expect(l.admits('x1', 'other')).toBe(true);
    expect(l.admits('workshop-nat', 'board')).toBe(true);
  });

  it('forgets addresses past maxTracked, full buckets and then the least recent first', () => {
    const { l } = limits(1, 1000, 10);
    for (let i = 0; i < 30; i++) l.failed(`addr-${i}`, 'board');
    expect(l.admits('addr-29', 'board')).toBe(false); // the most recent is remembered
    expect(l.admits('addr-0', 'board')).toBe(true); // the oldest was forgotten
  });
});
