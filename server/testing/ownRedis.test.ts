import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startOwnRedis } from './ownRedis.ts';

const answers = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('a test’s own redis-server', () => {
  it('a start while it runs keeps the one server, so stop() really ends it (no redis-server left behind)', async () => {
    const redis = await startOwnRedis();
    await redis.start();
    expect(await answers(redis.url)).toBe(true);
    await redis.stop();
    expect(await answers(redis.url)).toBe(false);
  });

  it('starts again on the same port after a stop', async () => {
    const redis = await startOwnRedis();
    await redis.stop();
    expect(await answers(redis.url)).toBe(false);
    await redis.start();
    expect(await answers(redis.url)).toBe(true);
    await redis.stop();
  });
});
