import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BoardQueue } from './boardQueue.ts';
import { handleClientMessage, STORAGE_FAILED, type MessageRefusal } from './clientMessages.ts';

const schema = z.object({ type: z.literal('ping'), n: z.number() });
type Ping = z.infer<typeof schema>;

function harness(dispatch: (m: Ping) => Promise<void>) {
  const queue = new BoardQueue();
  const refused: [Ping | null, MessageRefusal][] = [];
  const send = (payload: string, boardId = 'b1') =>
    handleClientMessage({ schema, payload, boardId, queue, refuse: (m, r) => refused.push([m, r]), dispatch });
  return { send, refused };
}

describe('handleClientMessage', () => {
  it('refuses a payload that is not JSON or not the schema, naming the field, and dispatches nothing', async () => {
    const dispatched: Ping[] = [];
    const { send, refused } = harness(async (m) => void dispatched.push(m));
    await send('{nope');
    await send(JSON.stringify({ type: 'ping', n: 'one' }));
    expect(dispatched).toEqual([]);
    expect(refused[0]).toEqual([null, { code: 'invalid-message', message: 'Not JSON.' }]);
    expect(refused[1]![0]).toBeNull();
    expect(refused[1]![1].message).toMatch(/^n: /);
  });

  it('refuses a message whose handling fails (the database) as storage-failed, and goes on with the next', async () => {
    const { send, refused } = harness(async (m) => {
      if (m.n === 1) throw new Error('database is down');
    });
    await Promise.all([send(JSON.stringify({ type: 'ping', n: 1 })), send(JSON.stringify({ type: 'ping', n: 2 }))]);
    expect(refused).toEqual([[{ type: 'ping', n: 1 }, STORAGE_FAILED]]);
  });

  it('handles one board’s messages one at a time, in order', async () => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { send } = harness(async (m) => {
      log.push(`start ${m.n}`);
      if (m.n === 1) await gate;
      log.push(`end ${m.n}`);
    });
    const first = send(JSON.stringify({ type: 'ping', n: 1 }));
    const second = send(JSON.stringify({ type: 'ping', n: 2 }));
    await Promise.resolve();
    expect(log).toEqual(['start 1']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
