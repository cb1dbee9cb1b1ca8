import { HocuspocusProvider } from '@hocuspocus/provider';
import { type Extension, type onChangePayload, Server } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../testing/redis.ts';
import { BoardRedis } from './BoardRedis.ts';
import { createBoardWithLinks, startTestServer } from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const SYNC = 0; // Hocuspocus's message type for Yjs sync messages
const SYNC_STEP_1 = 0;
const UPDATE = 2;

/** The sync messages an instance publishes on a document's channel, by their y-protocols sync type. */
async function listenToDocumentChannel(prefix: string, documentName: string) {
  const sub = new RedisClient(TEST_REDIS_URL);
  const syncTypes: number[] = [];
  sub.on('messageBuffer', (_channel: Buffer, data: Buffer) => {
    const message = data.subarray(data[0]! + 1); // after the sender's identifier
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) === SYNC) syncTypes.push(decoding.readVarUint(decoder));
  });
  await sub.subscribe(`${prefix}:${documentName}`);
  return { syncTypes, close: () => sub.quit() };
}

describe('BoardRedis: a change crosses instances as the update itself', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('publishes a document’s changes as Yjs updates, never as a state vector to be answered', async () => {
    const schema = uniqueSchema();
    cleanups.push(() => dropSchema(schema));
    const prefix = uniqueRedisPrefix();
    const server = await startTestServer({
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: prefix,
    });
    cleanups.push(() => server.close());
    const { id } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const provider = await connectProvider(server.wsUrl, id);
    cleanups.push(() => provider.destroy());
    const channel = await listenToDocumentChannel(prefix, id);
    cleanups.push(() => channel.close());

    const { stages, lanes } = readBoard(provider.document);
    const cell = { stageId: stages[0]!.id, laneId: lanes[0]!.id };
    for (const text of ['one', 'two', 'three']) executeCommand(provider.document, ann, 'addNote', { ...cell, text });
    await waitFor(() => channel.syncTypes.length >= 1, { what: 'the relay of the three notes' });
    executeCommand(provider.document, ann, 'addNote', { ...cell, text: 'later' });
    await waitFor(() => channel.syncTypes.length >= 2, { what: 'the relay of the later note' });

    expect(channel.syncTypes).not.toContain(SYNC_STEP_1);
    expect(channel.syncTypes.every((t) => t === UPDATE)).toBe(true);
  });

  it('sends a relayed update to the receiving instance’s connections before its own onChange hooks run', async () => {
    const prefix = uniqueRedisPrefix();
    const url = new URL(TEST_REDIS_URL);
    // Tells the clients, as a stateless message sent at once, that an onChange hook saw a relayed update.
    const hookReporter: Extension = {
      extensionName: 'HookReporter',
      priority: 0,
      async onChange({ transactionOrigin, document }: onChangePayload) {
        if ((transactionOrigin as { source?: string } | undefined)?.source === 'redis')
          document.relayStateless('hook ran');
      },
    };
    const instance = async (extensions: Extension[]) => {
      const redis = new BoardRedis({ host: url.hostname, port: Number(url.port), prefix, identifier: randomName() });
      const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [redis, ...extensions] });
      await server.listen();
      cleanups.push(() => server.destroy());
      return `ws://127.0.0.1:${server.address.port}`;
    };
    const [a, b] = [await instance([]), await instance([hookReporter])];
    const connect = async (wsUrl: string) => {
      const provider = new HocuspocusProvider({ url: wsUrl, name: 'board', document: new Y.Doc() });
      cleanups.push(() => provider.destroy());
      await waitFor(() => provider.isSynced, { what: 'the provider’s first sync' });
      return provider;
    };
    const writer = await connect(a);
    const reader = await connect(b);
    const seenWhenHookRan: string[] = [];
    reader.on('stateless', () => seenWhenHookRan.push(reader.document.getText('t').toString()));

    writer.document.getText('t').insert(0, 'relayed');
    await waitFor(() => seenWhenHookRan.length > 0, { what: 'the hook’s report on the other instance' });

    expect(seenWhenHookRan[0]).toBe('relayed');
  });
});

function randomName(): string {
  return `test-${Math.random().toString(36).slice(2)}`;
}
