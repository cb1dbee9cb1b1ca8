import { describe, expect, it } from 'vitest';
import { WebSocketStatus } from '@hocuspocus/provider';
import {
  AwaitingAdmission,
  BoardNotFound,
  CLOSE_REASONS,
  IdentityRequired,
  LinkRotated,
  RemovedFromBoard,
  Unauthorized,
} from '../../shared/index.ts';
import { ConnectionStore } from './connection.ts';
import { ConnectionStatus, describeRefusal } from './connectionStatus.ts';

describe('describeRefusal', () => {
  it('puts every reason the server sends into words (three are shown as their own pages)', () => {
    for (const { reason } of CLOSE_REASONS) {
      const text = describeRefusal(reason);
      if (reason === BoardNotFound.reason || reason === Unauthorized.reason || reason === AwaitingAdmission.reason)
        expect(text).toBe(reason);
      else expect(text, reason).toMatch(/ /);
    }
  });
});

describe('ConnectionStatus', () => {
  function tracker({ online = true } = {}) {
    const store = new ConnectionStore();
    const sync = { hasUnsyncedChanges: false, isSynced: false };
    const pending = {
      count: 0,
      cleared: 0,
      clear() {
        this.count = 0;
        this.cleared++;
      },
    };
    let isOnline = online;
    const status = new ConnectionStatus(store, sync, pending, () => isOnline);
    return { store, sync, pending, status, setOnline: (v: boolean) => (isOnline = v) };
  }

  it('connecting, then connected once the socket is open and the first sync is done; saving while changes wait', () => {
    const { store, sync, pending, status } = tracker();
    pending.count = 2;
    status.update();
    expect(store.get()).toEqual({ kind: 'connecting', pending: 2 });
    status.socketChanged(WebSocketStatus.Connected);
    // The socket is open but the first sync is not done: not connected yet (shown as reconnecting).
    expect(store.get()).toEqual({ kind: 'reconnecting', pending: 2 });
    sync.isSynced = true;
    sync.hasUnsyncedChanges = true;
    status.update();
    expect(store.get()).toEqual({ kind: 'connected', saving: true, savingDelayed: false });
    expect(pending.cleared).toBe(0); // not acknowledged yet
    sync.hasUnsyncedChanges = false;
    status.storageChanged(true);
    expect(store.get()).toEqual({ kind: 'connected', saving: false, savingDelayed: true });
    expect(pending.cleared).toBe(1); // everything acknowledged: nothing waits here
  });

  it('reconnecting after a connection was lost, offline when the browser says so', () => {
    const { store, sync, pending, status, setOnline } = tracker();
    sync.isSynced = true;
    status.socketChanged(WebSocketStatus.Connected);
    status.socketChanged(WebSocketStatus.Disconnected);
    pending.count = 3;
    status.update();
    expect(store.get()).toEqual({ kind: 'reconnecting', pending: 3 });
    setOnline(false);
    status.update();
    expect(store.get()).toEqual({ kind: 'offline', pending: 3 });
  });

  it('a refusal is final, in words', () => {
    const { store, sync, status } = tracker();
    status.refuse(LinkRotated.reason);
    expect(status.refused).toBe(true);
    const refused = store.get();
    expect(refused).toEqual({ kind: 'refused', reason: describeRefusal(LinkRotated.reason), revoked: true });
    sync.isSynced = true;
    status.socketChanged(WebSocketStatus.Connected);
    expect(store.get()).toBe(refused);
  });

  it('only a removal or a replaced link counts as access taken away (the device then forgets its copy)', () => {
    for (const [reason, revoked] of [
      [RemovedFromBoard.reason, true],
      [LinkRotated.reason, true],
      [Unauthorized.reason, false],
      [BoardNotFound.reason, false],
      [IdentityRequired.reason, false],
    ] as const) {
      const { store, status } = tracker();
      status.refuse(reason);
      const state = store.get();
      expect(state.kind === 'refused' && state.revoked === true, reason).toBe(revoked);
    }
  });
});
