import { describe, expect, it } from 'vitest';
import type { CheckpointInfo, CheckpointKind } from '../storage/CheckpointRepository.ts';
import { checkpointsToThin } from './retention.ts';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const now = 400 * DAY + 12 * HOUR; // midday, so a few hours back is the same day
const cp = (id: string, ageMs: number, kind: CheckpointKind = 'activity'): CheckpointInfo => ({
  id,
  boardId: 'b',
  kind,
  label: id,
  createdBy: null,
  createdAt: now - ageMs,
  noteCount: 0,
});

describe('checkpoint retention', () => {
  it('keeps every automatic checkpoint of the last two days', () => {
    const list = Array.from({ length: 48 }, (_, i) => cp(`a${i}`, i * HOUR));
    expect(checkpointsToThin(list, now)).toEqual([]);
  });

  it('keeps the newest of each day up to 30 days, then the newest of each week', () => {
    const list = [
      cp('d3-late', 3 * DAY),
      cp('d3-early', 3 * DAY + 2 * HOUR),
      cp('d10', 10 * DAY),
      cp('d10b', 10 * DAY + HOUR),
    ];
    const old = [cp('w1', 100 * DAY), cp('w1b', 100 * DAY + HOUR), cp('w1c', 100 * DAY + 2 * HOUR)];
    const doomed = checkpointsToThin([...list, ...old], now);
    expect(doomed).toContain('d3-early');
    expect(doomed).toContain('d10b');
    expect(doomed).not.toContain('d3-late');
    expect(doomed).not.toContain('d10');
    expect(doomed).toEqual(expect.arrayContaining(['w1b', 'w1c']));
    expect(doomed).not.toContain('w1');
  });

  it('never thins named checkpoints or vote reveals, and always keeps the newest automatic one', () => {
    const list = [
      cp('named-a', 200 * DAY, 'named'),
      cp('named-b', 200 * DAY + 1, 'named'),
      cp('vote', 300 * DAY, 'vote-reveal'),
      cp('v2', 300 * DAY + 1, 'vote-reveal'),
    ];
    expect(checkpointsToThin(list, now)).toEqual([]);
    expect(checkpointsToThin([cp('only', 365 * DAY), cp('older', 365 * DAY + HOUR)], now)).toEqual(['older']);
  });
});
