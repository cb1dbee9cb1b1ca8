import { describe, expect, it } from 'vitest';
import type { Identity } from '../../identity/identity.ts';
import { ConnectionStore } from '../../sync/connection.ts';
import { createEditorStore } from '../editorState.ts';
import { Store } from '../store.ts';
import { HeldByServer } from './HeldByServer.ts';

const me: Identity = { id: 'ann', name: 'Ann', colour: '#0d74ce', department: 'sales' };
const connected = { kind: 'connected', saving: false, savingDelayed: false } as const;

function channel() {
  const status = new ConnectionStore();
  const sent: unknown[] = [];
  const received: unknown[] = [];
  let listener: ((m: unknown) => void) | null = null;
  const identity = new Store<{ me: Identity }>({ me });
  const editor = createEditorStore();
  const held = new HeldByServer({
    connection: {
      status,
      onMessage: (l) => {
        listener = l;
        return () => {
          listener = null;
        };
      },
      send: (m) => sent.push(m),
    },
    identity,
    editor,
    hello: 'voting:hello',
    offlineMessage: 'You are offline.',
    receive: (m) => received.push(m),
  });
  return { held, status, sent, received, identity, editor, deliver: (m: unknown) => listener?.(m) };
}

const hello = (person: Pick<Identity, 'id' | 'name' | 'department'>) => ({
  type: 'voting:hello',
  person: { id: person.id, name: person.name, department: person.department },
});

describe('HeldByServer: the client side of state the server holds until a reveal', () => {
  it('says hello once per connection, again after a reconnection, and when my name changes while connected', () => {
    const { status, sent, identity } = channel();
    expect(sent).toEqual([]); // not connected yet
    status.set(connected);
    expect(sent).toEqual([hello(me)]);
    status.set({ ...connected, saving: true }); // still the same connection
    expect(sent).toHaveLength(1);
    status.set({ kind: 'reconnecting', pending: 0 });
    identity.update({ me: { ...me, name: 'Ann B' } }); // offline: told on reconnection
    expect(sent).toHaveLength(1);
    status.set(connected);
    expect(sent).toEqual([hello(me), hello({ ...me, name: 'Ann B' })]);
    identity.update({ me: { ...me, name: 'Ann C' } });
    expect(sent.at(-1)).toEqual(hello({ ...me, name: 'Ann C' }));
  });

  it('refuses an action while offline with a toast, and lets it through when connected', () => {
    const { held, status, editor } = channel();
    expect(held.offline()).toBe(true);
    expect(editor.get().toast).toMatchObject({ message: 'You are offline.', tone: 'error' });
    status.set(connected);
    expect(held.offline()).toBe(false);
  });

  it('hands every server message to the feature, and nothing after destroy', () => {
    const { held, received, deliver, status, sent } = channel();
    deliver({ type: 'voting:state' });
    expect(received).toEqual([{ type: 'voting:state' }]);
    held.destroy();
    deliver({ type: 'voting:state' });
    status.set(connected);
    expect(received).toHaveLength(1);
    expect(sent).toEqual([]);
  });
});
