import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { BRING_EVERYONE_TYPE, CURSORS_TYPE, LOCK_TYPE, TIMER_TYPE } from '../../shared/protocol/workshop.ts';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, type TestServer } from '../testing/testServer.ts';
import { startTwoInstances } from '../testing/twoInstances.ts';
import { awarenessFence, recordingProvider } from '../testing/workshopClients.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

const addNote = (p: HocuspocusProvider, text: string) => {
  const { stages, lanes } = readBoard(p.document);
  return executeCommand(p.document, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text });
};

/** The live-workshop state (timer, lock, hidden cursors) with two instances on one PostgreSQL and Redis. */
describe('workshop state across instances (real PostgreSQL and Redis)', () => {
  const cleanups = cleanupsAfterEach();

  const setUp = async () => {
    const { a, b } = await startTwoInstances(cleanups);
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'blank' });
    const join = async (server: TestServer, role: keyof typeof tokens, documentName = id) => {
      const c = await recordingProvider(server.wsUrl, documentName, tokens[role]);
      cleanups.push(() => c.provider.destroy());
      return c;
    };
    const notesOn = (server: TestServer) =>
      readBoard(server.server.hocuspocus.documents.get(id)!)
        .notes.map((n) => n.text)
        .sort();
    return { a, b, id, join, notesOn };
  };

  it('timer, cursors and lock set on A reach clients on B, and B enforces the lock; an unlock on B frees them again', async () => {
    const { a, b, id, join, notesOn } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator');
    const editorOnB = await join(b, 'editor');
    const commenterOnB = await join(b, 'commenter', `${id}/comments`);

    facilitatorOnA.send({ type: TIMER_TYPE, action: 'set', durationMs: 120_000 });
    facilitatorOnA.send({ type: TIMER_TYPE, action: 'start' });
    facilitatorOnA.send({ type: CURSORS_TYPE, hidden: true });
    const running = await facilitatorOnA.waitForState(
      (m) => m.state.timer.status === 'running' && m.state.hideCursors,
      'A’s own state',
    );
    for (const c of [editorOnB, commenterOnB]) {
      const seen = await c.waitForState(
        (m) => m.state.timer.status === 'running' && m.state.hideCursors,
        'B’s clients to see the timer and hidden cursors',
      );
      expect(seen.state.timer.endsAt).toBe(running.state.timer.endsAt); // one deadline on both instances
    }
    const view = { x: 10, y: 20, width: 300, height: 200 };
    facilitatorOnA.send({ type: BRING_EVERYONE_TYPE, view, by: 'Fay' });
    await waitFor(() => editorOnB.ofType(BRING_EVERYONE_TYPE).length === 1, { what: '“bring everyone” to reach B' });

    addNote(editorOnB.provider, 'Before the lock');
    await waitForAck(editorOnB.provider);
    facilitatorOnA.send({ type: LOCK_TYPE, locked: true, commentsOpen: false });
    await editorOnB.waitForState((m) => m.state.lock.locked, 'the editor on B to hear of the lock');
    addNote(editorOnB.provider, 'Written on B while locked');
    await awarenessFence(editorOnB.provider, facilitatorOnA.provider); // B has handled the change by now
    expect(notesOn(b)).toEqual(['Before the lock']); // B refused it: read-only there too
    expect(notesOn(a)).toEqual(['Before the lock']);
    expect(editorOnB.provider.hasUnsyncedChanges).toBe(true);

    // The facilitator may also act on the other instance: an unlock on B reaches A's clients too.
    const facilitatorOnB = await join(b, 'facilitator');
    facilitatorOnB.send({ type: LOCK_TYPE, locked: false });
    await facilitatorOnA.waitForState(
      (m) => !m.state.lock.locked && m.state.timer.status === 'running',
      'A to hear of B’s unlock, timer still running',
    );
    await editorOnB.waitForState((m) => !m.state.lock.locked, 'the editor on B to hear of the unlock');
    editorOnB.provider.forceSync(); // resends what the lock refused (the Journeyboard client does this on unlock)
    addNote(editorOnB.provider, 'After the unlock');
    await waitForAck(editorOnB.provider);
    await waitFor(() => notesOn(a).includes('After the unlock'), { what: 'the change to reach A' });
  });

  it('two facilitators on A and B acting in the same instant: both changes stay (compare-and-set on the stored state)', async () => {
    const { a, b, join } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator');
    const facilitatorOnB = await join(b, 'facilitator');
    for (let race = 0; race < 4; race++) {
      const on = race % 2 === 0;
      facilitatorOnA.send({ type: LOCK_TYPE, locked: on });
      facilitatorOnB.send({ type: CURSORS_TYPE, hidden: on });
      for (const c of [facilitatorOnA, facilitatorOnB]) {
        await c.waitForState(
          (m) => m.state.lock.locked === on && m.state.hideCursors === on,
          `race ${race}: both changes on both instances`,
        );
      }
    }
  });

  it('a timer that locks the board when it ends locks it on both instances', async () => {
    const { a, b, join, notesOn } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator');
    const editorOnA = await join(a, 'editor');
    const editorOnB = await join(b, 'editor');
    facilitatorOnA.send({ type: TIMER_TYPE, action: 'set', durationMs: 1_000 });
    facilitatorOnA.send({ type: TIMER_TYPE, action: 'options', lockOnEnd: true });
    facilitatorOnA.send({ type: TIMER_TYPE, action: 'start' });
    await editorOnB.waitForState((m) => m.state.timer.status === 'running', 'B to see the timer run');

    for (const c of [editorOnA, editorOnB]) {
      const done = await c.waitForState((m) => m.state.timer.status === 'done', 'the timer to end on both instances');
      expect(done.state.lock).toMatchObject({ locked: true, byTimer: true });
    }
    addNote(editorOnB.provider, 'Too late, on B');
    await awarenessFence(editorOnB.provider, editorOnA.provider);
    expect(notesOn(b)).toEqual([]);
  });
});
