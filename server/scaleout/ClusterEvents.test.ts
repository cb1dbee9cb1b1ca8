import { Redis as RedisClient } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { waitFor } from '../testing/providers.ts';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../testing/redis.ts';
import { ClusterEvents } from './ClusterEvents.ts';

describe('ClusterEvents (real Redis)', () => {
  const cleanups = cleanupsAfterEach();
  const instance = async (prefix: string) => {
    const events = new ClusterEvents({ redisUrl: TEST_REDIS_URL, prefix });
    cleanups.push(() => events.onDestroy());
    await events.ready();
    return events;
  };

  it('a board event reaches the other instances’ handlers, never the publisher’s own; bad messages are ignored', async () => {
    const prefix = uniqueRedisPrefix();
    const [a, b] = [await instance(prefix), await instance(prefix)];
    const other = await instance(uniqueRedisPrefix()); // another deployment on the same Redis
    const heard = { a: [] as unknown[], b: [] as unknown[], other: [] as unknown[] };
    a.onBoardEvent('voting-state', (boardId, data) => heard.a.push([boardId, data]));
    b.onBoardEvent('voting-state', (boardId, data) => heard.b.push([boardId, data]));
    other.onBoardEvent('voting-state', (boardId, data) => heard.other.push([boardId, data]));

    const raw = new RedisClient(TEST_REDIS_URL);
    cleanups.push(() => raw.quit());
    await raw.publish(`${prefix}#cluster`, 'not json');
    await raw.publish(`${prefix}#cluster`, JSON.stringify({ from: 'x', topic: 'voting-state' })); // no boardId

    a.publishBoardEvent('voting-state', 'board0000001', { round: 'r1' });
    await waitFor(() => heard.b.length === 1, { what: 'B to hear A’s event' });
    expect(heard.b).toEqual([['board0000001', { round: 'r1' }]]);

    // Redis delivers one channel's messages in order: had A heard its own event, it would be first.
    b.publishBoardEvent('voting-state', 'board0000002');
    await waitFor(() => heard.a.length === 1, { what: 'A to hear B’s event' });
    expect(heard.a).toEqual([['board0000002', null]]);
    expect(heard.other).toEqual([]);
  });
});
