import { describe, expect, it } from 'vitest';
import { RedisHealth } from './RedisHealth.ts';

describe('RedisHealth relay lag', () => {
  it('is the longest catch-up delay of the last minute, and null once none is that recent', () => {
    const health = new RedisHealth();
    expect(health.relayLagMs(0)).toBeNull();
    health.noteCatchUp(120, 1_000);
    health.noteCatchUp(40, 30_000);
    expect(health.relayLagMs(30_000)).toBe(120);
    expect(health.relayLagMs(61_000)).toBe(40); // the 120 ms one is older than a minute
    expect(health.relayLagMs(90_001)).toBeNull();
  });
});
