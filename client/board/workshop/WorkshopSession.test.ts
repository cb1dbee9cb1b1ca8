import { afterEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DEFAULT_WORKSHOP_STATE, type Role, type WorkshopState } from '../../../shared/index.ts';
import type { AccessState } from '../access.ts';
import { createEditorStore } from '../editorState.ts';
import { Store } from '../store.ts';
import type { Identity } from '../../identity/identity.ts';
import { PresenceStore } from '../../sync/presenceStore.ts';
import { cameraForView } from './followCamera.ts';
import { WorkshopSession } from './WorkshopSession.ts';

const person = (name: string) => ({ id: name.toLowerCase(), name, colour: '#0d74ce', department: 'sales' as const });

/** Two people's awareness, wired both ways like a server would. */
function pair() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  const pipe = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), 'remote'),
    );
  pipe(a, b);
  pipe(b, a);
  return { a, b };
}

function client(awareness: Awareness, name: string, role: Role = 'editor') {
  let listener: (m: unknown) => void = () => {};
  const sent: unknown[] = [];
  let resyncs = 0;
  const presence = new PresenceStore(awareness, { user: person(name) });
  const editor = createEditorStore();
  editor.update({ viewport: { width: 1000, height: 600 }, fitted: true });
  const access = new Store<AccessState>({ role, links: {} });
  const session = new WorkshopSession({
    connection: {
      onMessage: (l) => {
        listener = l;
        return () => {};
      },
      send: (m) => sent.push(m),
      resync: () => resyncs++,
    },
    presence,
    editor,
    identity: new Store<{ me: Identity }>({ me: person(name) }),
    access,
  });
  return { session, presence, editor, sent, receive: (m: unknown) => listener(m), resyncs: () => resyncs };
}

const stateMessage = (state: WorkshopState, now: number) => ({ type: 'journeyboard:workshop', state, now });

describe('WorkshopSession', () => {
  const sessions: WorkshopSession[] = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.destroy()));

  it('counts down by the server’s clock even when the local clock is 7 minutes slow', () => {
    const { a } = pair();
    const c = client(a, 'Ann');
    sessions.push(c.session);
    const serverNow = Date.now() + 7 * 60_000; // this machine is 7 minutes behind the server
    c.receive(
      stateMessage(
        {
          ...DEFAULT_WORKSHOP_STATE,
          timer: { ...DEFAULT_WORKSHOP_STATE.timer, status: 'running', endsAt: serverNow + 120_000 },
        },
        serverNow,
      ),
    );
    expect(Math.abs(c.session.remainingMs() - 120_000)).toBeLessThan(50);
  });

  it('the lock makes an editor read-only and not a facilitator; unlocking resyncs the refused changes', () => {
    const { a, b } = pair();
    const editor = client(a, 'Ann', 'editor');
    const facilitator = client(b, 'Fay', 'facilitator');
    sessions.push(editor.session, facilitator.session);
    const locked = { ...DEFAULT_WORKSHOP_STATE, lock: { locked: true, commentsOpen: true, since: 1, byTimer: false } };
    for (const c of [editor, facilitator]) c.receive(stateMessage(locked, Date.now()));
    expect(editor.session.lockReason()).toMatch(/locked the board/);
    expect(facilitator.session.lockReason()).toBeNull();
    for (const c of [editor, facilitator]) c.receive(stateMessage(DEFAULT_WORKSHOP_STATE, Date.now()));
    expect(editor.session.lockReason()).toBeNull();
    expect(editor.resyncs()).toBe(1);
    expect(facilitator.resyncs()).toBe(0);
  });

  it('follows a person’s view until I move the camera myself', async () => {
    const { a, b } = pair();
    const ann = client(a, 'Ann');
    const bob = client(b, 'Bob');
    sessions.push(ann.session, bob.session);
    const bobsView = { x: 300, y: 120, width: 900, height: 540 };
    bob.presence.setView(bobsView);
    ann.session.follow(b.clientID);
    expect(ann.session.followedPeer()?.user.name).toBe('Bob');
    expect(ann.editor.get().camera).toEqual(cameraForView(bobsView, { width: 1000, height: 600 }));
    expect(b.getStates().get(a.clientID)?.following).toBe(b.clientID); // who follows whom is in awareness

    const moved = { ...bobsView, x: 700 };
    bob.presence.setView(moved);
    expect(ann.editor.get().camera).toEqual(cameraForView(moved, { width: 1000, height: 600 }));

    ann.editor.update({ camera: { ...ann.editor.get().camera, x: ann.editor.get().camera.x + 50 } }); // a pan by hand
    expect(ann.session.view.get().following).toBeNull();
    expect(b.getStates().get(a.clientID)?.following).toBeNull();
    bob.presence.setView({ ...moved, y: 999 });
    expect(ann.editor.get().camera.y).not.toBe(cameraForView({ ...moved, y: 999 }, { width: 1000, height: 600 }).y);
  });

  it('"bring everyone" moves my camera and ends following; a refusal becomes an error toast', () => {
    const { a, b } = pair();
    const ann = client(a, 'Ann');
    const bob = client(b, 'Bob');
    sessions.push(ann.session, bob.session);
    bob.presence.setView({ x: 0, y: 0, width: 500, height: 300 });
    ann.session.follow(b.clientID);
    const view = { x: 50, y: 60, width: 2000, height: 1200 };
    ann.receive({ type: 'journeyboard:bring-everyone', view, by: 'Fay' });
    expect(ann.session.view.get().following).toBeNull();
    expect(ann.editor.get().camera).toEqual(cameraForView(view, { width: 1000, height: 600 }));
    expect(ann.editor.get().toast?.message).toBe('Fay brought everyone to their view.');
    ann.receive({ type: 'journeyboard:workshop-refused', message: 'The timer is not running.' });
    expect(ann.editor.get().toast).toMatchObject({ message: 'The timer is not running.', tone: 'error' });
  });

  it('hides other cursors when I ask, or when the facilitator does (except for the facilitator)', () => {
    const { a, b } = pair();
    const ann = client(a, 'Ann');
    const fay = client(b, 'Fay', 'facilitator');
    sessions.push(ann.session, fay.session);
    expect(ann.session.cursorsHidden()).toBe(false);
    for (const c of [ann, fay]) c.receive(stateMessage({ ...DEFAULT_WORKSHOP_STATE, hideCursors: true }, Date.now()));
    expect(ann.session.cursorsHidden()).toBe(true);
    expect(fay.session.cursorsHidden()).toBe(false);
    fay.session.setLocalHideCursors(true);
    expect(fay.session.cursorsHidden()).toBe(true);
  });
});
