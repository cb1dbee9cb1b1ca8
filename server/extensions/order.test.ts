import type { Extension } from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../testing/redis.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { EXTENSION_ORDER, inHookOrder } from './order.ts';

/** The names of the extensions in the order Hocuspocus runs their hooks (its own config hooks, unnamed, left out). */
function hookOrder(server: TestServer): string[] {
  return server.server.hocuspocus.configuration.extensions
    .map((extension: Extension) => extension.extensionName)
    .filter((name): name is string => name !== undefined);
}

describe('the extensions run in the order of EXTENSION_ORDER', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('in a running server with one instance, every extension in its place', async () => {
    server = await startTestServer();
    const order = hookOrder(server);
    expect(order).toEqual(EXTENSION_ORDER.filter((name) => name !== 'Redis' && name !== 'ClusterEvents'));
  });

  it('in a running server with several instances, Redis and ClusterEvents in theirs', async () => {
    server = await startTestServer({ redisUrl: TEST_REDIS_URL, redisPrefix: uniqueRedisPrefix() });
    expect(hookOrder(server)).toEqual([...EXTENSION_ORDER]);
  });

  it('keeps the orderings the extensions rely on', () => {
    const at = (name: (typeof EXTENSION_ORDER)[number]) => EXTENSION_ORDER.indexOf(name);
    // Host first; a flood is cut before anything decodes it.
    expect(at('HostCheck')).toBe(0);
    expect(at('UpdateRateLimit')).toBeLessThan(at('UpdateValidation'));
    expect(at('UpdateValidation')).toBeLessThan(at('DocumentSizeLimit'));
    // A wrong token costs a hash lookup, never a decode of the board.
    expect(at('RoleAccess')).toBeLessThan(at('BoardAccess'));
    expect(at('BoardAccess')).toBeLessThan(at('BoardCapacity'));
    // The lock makes a connection read-only before the mass-removal guard and the log see its update.
    expect(at('BoardLock')).toBeLessThan(at('MassDeleteGuard'));
    expect(at('MassDeleteGuard')).toBeLessThan(at('Persistence'));
    // Everything that reads a loaded board runs after Persistence has loaded it.
    for (const reader of ['RecordGuard', 'RoundGuard', 'CommentGuard', 'Checkpoints', 'StateWarmup'] as const)
      expect(at('Persistence')).toBeLessThan(at(reader));
    // Stateless messages are checked by role before any feature reads them.
    for (const feature of ['WorkshopControls', 'Voting', 'PrivateWriting', 'People', 'Visits'] as const)
      expect(at('RoleAccess')).toBeLessThan(at(feature));
  });

  it('refuses an extension that has no place in the list', () => {
    expect(() => inHookOrder([{ extensionName: 'Stranger' }])).toThrow(/Stranger has no place/);
    expect(() => inHookOrder([{}])).toThrow(/\(unnamed\) has no place/);
  });
});
