import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { executeCommand } from '../../shared/model/commands/index.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import {
  PRIVATE,
  type PrivateDraftMessage,
  type PrivateRefusedMessage,
  type PrivateRemovedMessage,
} from '../../shared/protocol/privateWriting.ts';
import { PrivateWritingClient } from '../testing/privateWritingClient.ts';
import { waitFor } from '../testing/providers.ts';
import { sqlitePath } from '../storage/database.ts';
import { testBoards } from '../testing/testBoards.ts';
import { fran, ann, bo, cy, vic } from '../testing/people.ts';

type Answer = PrivateDraftMessage | PrivateRemovedMessage | PrivateRefusedMessage;
const code = (m: Answer) => (m.type === PRIVATE.refused ? m.code : null);
const draftOf = (m: Answer) => {
  if (m.type !== PRIVATE.draft) throw new Error(`expected a draft, got ${JSON.stringify(m)}`);
  return m.draft;
};

describe('PrivateWriting (drafts private until the reveal)', () => {
  const boards = testBoards(PrivateWritingClient.connect);

  it('only editors and facilitators write drafts; viewers and commenters are refused with a reason; only a facilitator opens a phase', async () => {
    const { join, facilitator, editor } = await boards.workshop();
    const commenter = await join('commenter', cy);
    const viewer = await join('viewer', vic);
    const [stage, lane] = editor.cell();
    expect(code(await editor.add(stage, lane, 'too early'))).toBe('no-open-phase');
    await facilitator.start();
    expect(viewer.lastState()).toMatchObject({ phase: { openedBy: 'Fran' }, canWrite: false });
    expect(editor.lastState()).toMatchObject({ canWrite: true, why: null });
    for (const who of [commenter, viewer]) {
      const answer = await who.add(stage, lane, 'mine');
      expect(answer).toMatchObject({ type: PRIVATE.refused, code: 'not-allowed', request: PRIVATE.add });
      expect((answer as PrivateRefusedMessage).message).toMatch(/needs an editor link/);
    }
    expect(draftOf(await editor.add(stage, lane, 'The delivery date is a guess'))).toMatchObject({
      text: 'The delivery date is a guess',
      stageId: stage,
      laneId: lane,
    });
    expect(draftOf(await facilitator.add(stage, lane, 'Fran writes too'))).toMatchObject({ text: 'Fran writes too' });
    // An editor asking to open a phase has its connection closed by RoleAccess (forbidden-message).
    const closed = new Promise<string>((resolve) =>
      editor.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    editor.send({ type: PRIVATE.start, settings: {} });
    expect(await closed).toBe('forbidden-message');
  });

  it('validates every draft: schema, length, cell, ownership, the lock, one open phase', async () => {
    const { join, facilitator, editor } = await boards.workshop({ limits: { maxNoteLength: 40 } });
    const other = await join('editor', bo);
    const [stage, lane] = editor.cell();
    const phaseId = await facilitator.start();
    expect(await facilitator.start().catch((e: Error) => e.message)).toMatch(/phase-already-open/);

    const mark = editor.mark();
    editor.send({ type: PRIVATE.add, id: 'note:notadraftid', stageId: stage, laneId: lane, text: 'x' });
    expect(await editor.next((m) => m.type === PRIVATE.refused, mark)).toMatchObject({
      code: 'invalid-message',
      message: expect.stringMatching(/^id: Not a draft id/),
    });
    expect(await editor.add(stage, lane, 'x'.repeat(41))).toMatchObject({
      code: 'invalid-message',
      message: 'A note holds at most 40 characters.',
    });
    expect(code(await editor.add('stage:gone', lane, 'nowhere'))).toBe('cell-not-found');
    const mine = draftOf(await editor.add(stage, lane, 'Mine'));
    expect(code(await editor.add(stage, lane, 'same id', mine.id))).toBe('draft-exists');
    expect(code(await other.update(mine.id, { text: 'hijacked' }))).toBe('draft-not-found');
    expect(code(await other.remove(mine.id))).toBe('draft-not-found');
    expect(code(await editor.update(mine.id, { stageId: 'stage:gone', laneId: lane }))).toBe('cell-not-found');
    expect(draftOf(await editor.update(mine.id, { text: 'Mine, edited' })).text).toBe('Mine, edited');

    // Locked: editors are read-only, so drafts are refused too (kept, not lost).
    const locked = facilitator.mark();
    facilitator.send({ type: 'journeyboard:lock', locked: true });
    await waitFor(() => facilitator.raw.slice(locked).some((p) => p.includes('"locked":true')), { what: 'the lock' });
    expect(code(await editor.add(stage, lane, 'while locked'))).toBe('board-locked');
    expect(code(await editor.update(mine.id, { text: 'while locked' }))).toBe('board-locked');
    facilitator.send({ type: 'journeyboard:lock', locked: false });
    await waitFor(async () => code(await editor.update(mine.id, { text: 'unlocked' })) === null, {
      what: 'the unlock',
    });
    expect(await facilitator.close('phase-unknown')).toMatchObject({ code: 'no-open-phase' });
    expect(await facilitator.close(phaseId)).toMatchObject({ event: { kind: 'revealed', notes: 1 } });
    expect(await facilitator.close(phaseId)).toMatchObject({ code: 'phase-closed' });
  });

  it('echoes a draft to every tab of its author only; others get counts', async () => {
    const { id, tokens, join, facilitator, editor: tab1 } = await boards.workshop();
    const tab2 = await join('editor', ann);
    const other = await join('editor', bo);
    const [stage, lane] = tab1.cell();
    await facilitator.start();
    const mark2 = tab2.mark();
    const draft = draftOf(await tab1.add(stage, lane, 'Seen in both tabs'));
    expect(await tab2.next((m) => m.type === PRIVATE.draft, mark2)).toMatchObject({
      draft: { id: draft.id, text: 'Seen in both tabs' },
    });
    await waitFor(
      () =>
        other.messages.some(
          (m) => m.type === PRIVATE.writers && m.writers.some((w) => w.personId === tab1.person.id && w.count === 1),
        ),
      { what: 'the count' },
    );
    // A third tab that connects later gets the drafts with its hello.
    const tab3 = await boards.join(id, tokens.editor, ann);
    expect(tab3.lastState()?.drafts.map((d) => d.text)).toEqual(['Seen in both tabs']);
    const removed = tab2.mark();
    expect(await tab3.remove(draft.id)).toMatchObject({ type: PRIVATE.removed, id: draft.id });
    await tab2.next((m) => m.type === PRIVATE.removed, removed);
    await waitFor(() => other.messages.filter((m) => m.type === PRIVATE.writers).at(-1)?.writers.length === 0, {
      what: 'the count back to none',
    });
  });

  it('the reveal writes every draft as a note with its author and department, in one transaction; a removed stage or lane lands in the first cell', async () => {
    const { join, facilitator, editor: ann1 } = await boards.workshop();
    const bo1 = await join('editor', bo);
    const observer = await join('viewer', vic);
    const board0 = readBoard(ann1.doc);
    const [s0, s1, s2] = board0.stages;
    const painLane = board0.lanes.find((l) => l.kind === 'pain')!;
    const ideaLane = board0.lanes.find((l) => l.kind === 'idea')!;
    const phaseId = await facilitator.start();
    const a1 = draftOf(await ann1.add(s1!.id, painLane.id, 'Shipping costs appear late'));
    const a2 = draftOf(await ann1.add(s2!.id, ideaLane.id, 'Show costs on the product page'));
    const b1 = draftOf(await bo1.add(s2!.id, painLane.id, 'Support cannot see the basket'));
    // Someone removes stage s2 (its notes moved) while the drafts are private.
    executeCommand(
      facilitator.doc,
      { id: fran.id, name: fran.name, department: fran.department },
      'removeStage',
      { stageId: s2!.id, decision: { notes: 'move', to: s0!.id } },
      ORIGIN.local,
    );
    await waitFor(() => !readBoard(observer.doc).stages.some((s) => s.id === s2!.id), { what: 'the stage removal' });

    const before = readBoard(observer.doc).notes.length;
    let updates = 0;
    observer.doc.on('update', () => updates++);
    expect(await facilitator.close(phaseId)).toMatchObject({
      phase: null,
      event: { kind: 'revealed', notes: 3, kept: 0 },
      drafts: [],
    });
    const after = await waitFor(
      () => (readBoard(observer.doc).notes.length === before + 3 ? readBoard(observer.doc) : null),
      { what: 'the revealed notes' },
    );
    expect(updates).toBe(1); // one server transaction, one update
    const byText = new Map(after.notes.map((n) => [n.text, n]));
    expect(byText.get(a1.text)).toMatchObject({
      authorId: ann1.person.id,
      authorName: 'Ann',
      department: 'sales',
      kind: 'pain',
      position: { stageId: s1!.id, laneId: painLane.id },
    });
    expect(byText.get(a2.text)).toMatchObject({
      authorId: ann1.person.id,
      department: 'sales',
      kind: 'idea',
      position: { stageId: s0!.id, laneId: ideaLane.id },
    });
    expect(byText.get(b1.text)).toMatchObject({
      authorId: bo1.person.id,
      authorName: 'Bo',
      department: 'support',
      position: { stageId: s0!.id, laneId: painLane.id },
    });
    expect(ann1.lastState()).toMatchObject({ drafts: [], writers: [] });
    // Nothing is left to reveal twice.
    const again = await facilitator.start();
    expect(await facilitator.close(again)).toMatchObject({ event: { kind: 'revealed', notes: 0 } });
  });

  it('a cancel keeps the drafts as their author’s, still private, until the next reveal', async () => {
    const { facilitator, editor } = await boards.workshop();
    const [stage, lane] = editor.cell();
    const first = await facilitator.start();
    const kept = draftOf(await editor.add(stage, lane, 'Kept through a cancel'));
    const before = readBoard(editor.doc).notes.length;
    expect(await facilitator.close(first, 'cancel')).toMatchObject({ phase: null, event: { kind: 'cancelled' } });
    await waitFor(() => editor.lastState()?.event?.kind === 'cancelled', { what: 'the cancel' });
    expect(editor.lastState()).toMatchObject({
      phase: null,
      canWrite: false,
      drafts: [{ id: kept.id, text: 'Kept through a cancel' }],
    });
    // Between phases: no new drafts, but the author still edits or moves their own.
    expect(code(await editor.add(stage, lane, 'between phases'))).toBe('no-open-phase');
    expect(draftOf(await editor.update(kept.id, { text: 'Kept, then edited' })).text).toBe('Kept, then edited');
    expect(readBoard(editor.doc).notes.length).toBe(before);
    const second = await facilitator.start();
    await facilitator.close(second);
    await waitFor(
      () => readBoard(editor.doc).notes.some((n) => n.text === 'Kept, then edited' && n.authorId === editor.person.id),
      { what: 'the kept draft revealed' },
    );
  });

  it('drafts and the open phase survive a server restart (SQLite file); a reconnecting author gets them back', async () => {
    const dataDir = boards.dataDir();
    const first = await boards.workshop({ dataDir });
    const { facilitator, editor } = first;
    const [stage, lane] = editor.cell();
    const phaseId = await facilitator.start();
    const draft = draftOf(await editor.add(stage, lane, 'Written before the restart'));
    await boards.stop();

    await boards.start({ dataDir });
    const back = await first.join('editor', ann);
    const fac = await first.join('facilitator', fran);
    expect(back.lastState()).toMatchObject({
      phase: { id: phaseId },
      canWrite: true,
      drafts: [{ id: draft.id, text: 'Written before the restart' }],
    });
    expect(fac.lastState()).toMatchObject({
      drafts: [],
      writers: [{ personId: back.person.id, name: 'Ann', count: 1 }],
    });
    await fac.close(phaseId);
    await waitFor(() => readBoard(back.doc).notes.some((n) => n.text === 'Written before the restart'), {
      what: 'the reveal after the restart',
    });
  });

  it('a phase tied to the timer starts the timer and reveals when it reaches zero', async () => {
    const { facilitator, editor } = await boards.workshop();
    const [stage, lane] = editor.cell();
    const mark = facilitator.mark();
    await facilitator.start({ timerMinutes: 0.05 }); // 3 s
    expect(facilitator.raw.slice(mark).some((p) => p.includes('"status":"running"'))).toBe(true);
    expect(facilitator.lastState()?.phase?.timerRun).toBeGreaterThan(0);
    draftOf(await editor.add(stage, lane, 'Written against the clock'));
    await waitFor(() => editor.lastState()?.event?.kind === 'revealed', {
      what: 'the timed reveal',
      timeoutMs: 15_000,
    });
    // The document update and the state message travel separately; the note follows the event.
    await waitFor(() => readBoard(editor.doc).notes.some((n) => n.text === 'Written against the clock'), {
      what: 'the revealed note',
    });
  });

  it('a timer that ran out while the server was down reveals its phase when the server starts again', async () => {
    const dataDir = boards.dataDir();
    const first = await boards.workshop({ dataDir });
    const { facilitator, editor } = first;
    const [stage, lane] = editor.cell();
    await facilitator.start({ timerMinutes: 30 });
    draftOf(await editor.add(stage, lane, 'Revealed at start'));
    await boards.stop();
    // The server was down past the deadline: move the stored timer's end into the past.
    const raw = new DatabaseSync(sqlitePath(dataDir));
    const row = raw.prepare('SELECT state FROM board_workshop WHERE board_id = ?').get(first.id) as { state: string };
    const state = JSON.parse(row.state) as { timer: { endsAt: number } };
    state.timer.endsAt = Date.now() - 60_000;
    raw.prepare('UPDATE board_workshop SET state = ? WHERE board_id = ?').run(JSON.stringify(state), first.id);
    raw.close();

    await boards.start({ dataDir });
    const back = await first.join('editor', ann);
    await waitFor(
      () => readBoard(back.doc).notes.some((n) => n.text === 'Revealed at start' && n.authorId === back.person.id),
      { what: 'the reveal at start' },
    );
    expect((await back.hello()).phase).toBeNull();
  });

  it('works the same on PostgreSQL: drafts, a restart with the phase open, the reveal', async () => {
    await boards.onPostgres(async (pg) => {
      const first = await boards.workshop(pg);
      const { facilitator, editor } = first;
      const [stage, lane] = editor.cell();
      const phaseId = await facilitator.start();
      draftOf(await editor.add(stage, lane, 'On PostgreSQL'));
      await boards.stop();
      await boards.start(pg);
      const back = await first.join('editor', ann);
      const fac = await first.join('facilitator', fran);
      expect(back.lastState()?.drafts.map((d) => d.text)).toEqual(['On PostgreSQL']);
      await fac.close(phaseId);
      await waitFor(
        () => readBoard(back.doc).notes.some((n) => n.text === 'On PostgreSQL' && n.department === 'sales'),
        { what: 'the reveal' },
      );
    });
  });
});
