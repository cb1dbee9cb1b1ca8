import type { Awareness } from 'y-protocols/awareness';
import {
  MAX_SHARED_SELECTION,
  readPresence,
  type Peer,
  type Presence,
  type PresenceInput,
  type ViewRect,
} from '../../shared/index.ts';

/**
 * Everyone else's presence, validated on read, plus setters for ours. Cursor moves are sent at
 * most once per animation frame, after it is drawn (a send costs a few ms of main thread that a
 * drag frame need not wait for); the provider batches the rest.
 */
export class PresenceStore {
  private peers: readonly Peer[] = [];
  private readonly listeners = new Set<() => void>();
  private pendingCursor: Presence['cursor'] | undefined;
  private frame = 0;
  private sendTimer = 0;
  private readonly awareness: Awareness;

  constructor(awareness: Awareness, me: PresenceInput) {
    this.awareness = awareness;
    awareness.setLocalState(me);
    awareness.on('change', this.onChange);
    this.readPeers();
  }

  getPeers = (): readonly Peer[] => this.peers;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  setCursor(cursor: Presence['cursor']): void {
    this.pendingCursor = cursor;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      // A task queued from a frame callback runs once that frame is drawn.
      this.sendTimer = window.setTimeout(() => {
        this.frame = 0;
        if (this.pendingCursor !== undefined) this.awareness.setLocalStateField('cursor', this.pendingCursor);
        this.pendingCursor = undefined;
      });
    });
  }

  setSelection(ids: readonly string[]): void {
    this.awareness.setLocalStateField('selection', ids.slice(0, MAX_SHARED_SELECTION));
  }

  setEditing(noteId: string | null): void {
    this.awareness.setLocalStateField('editing', noteId);
  }

  /** Live workshops: what I look at (throttled by the caller), whom I follow, whether I am away. */
  setView(view: ViewRect | null): void {
    this.awareness.setLocalStateField('view', view);
  }

  setFollowing(clientId: number | null): void {
    this.awareness.setLocalStateField('following', clientId);
  }

  setAway(away: boolean): void {
    if (this.awareness.getLocalState()?.away !== away) this.awareness.setLocalStateField('away', away);
  }

  /** My awareness client id (what others put in `following` when they follow me). */
  get clientId(): number {
    return this.awareness.clientID;
  }

  setUser(user: Presence['user']): void {
    this.awareness.setLocalStateField('user', user);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    window.clearTimeout(this.sendTimer);
    this.awareness.off('change', this.onChange);
    this.awareness.setLocalState(null);
    this.listeners.clear();
  }

  private readonly onChange = ({ added, updated, removed }: AwarenessChange): void => {
    // My own cursor or selection changed: nobody else's did, so nothing to re-render.
    const me = this.awareness.clientID;
    if ([...added, ...updated, ...removed].every((id) => id === me)) return;
    this.readPeers();
  };

  private readPeers(): void {
    const peers: Peer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const peer = readPresence(clientId, state);
      if (peer) peers.push(peer);
    });
    peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
    this.peers = peers;
    for (const l of this.listeners) l();
  }
}

interface AwarenessChange {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}
