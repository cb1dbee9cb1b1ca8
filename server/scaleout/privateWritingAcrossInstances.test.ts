import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import {
  newDraftId,
  PRIVATE,
  type PrivateRefusedMessage,
  type PrivateStateMessage,
  type PrivateWritingServerMessage,
} from '../../shared/protocol/privateWriting.ts';
import { PrivateWritingClient } from '../testing/privateWritingClient.ts';
import { waitFor } from '../testing/providers.ts';
import { boardOnTwoInstances } from '../testing/twoInstances.ts';
import { fran, ann, bo } from '../testing/people.ts';

const isState = (m: PrivateWritingServerMessage): m is PrivateStateMessage => m.type === PRIVATE.state;
const revealedStates = (c: PrivateWritingClient, phaseId: string) =>
  c.messages.filter((m) => isState(m) && m.event?.kind === 'revealed' && m.event.phaseId === phaseId);
const notesWith = (doc: Y.Doc, text: string) => readBoard(doc).notes.filter((n) => n.text === text);

/**
 * Private writing with two instances on one PostgreSQL and one Redis: the phase, each
 * person's drafts, the counts and the reveal are the same whichever instance a person is on, the
 * drafts stay private across the relay, and the reveal writes each draft once.
 */
describe('private writing across instances (real PostgreSQL and Redis)', () => {
  const cleanups = cleanupsAfterEach();

  const setUp = async () => {
    const { a, b, id, join, schema } = await boardOnTwoInstances(cleanups, PrivateWritingClient.connect);
    /** Counts, per instance, the server transactions that wrote into the board from now on. */
    const countWrites = () => {
      const writes = { a: 0, b: 0 };
      for (const [name, server] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const doc = server.server.hocuspocus.documents.get(id)!;
        doc.on('afterTransaction', (tr: Y.Transaction) => {
          if (
            tr.local &&
            tr.origin === ORIGIN.server &&
            tr.afterState.get(doc.clientID) !== tr.beforeState.get(doc.clientID)
          )
            writes[name]++;
        });
      }
      return writes;
    };
    return { a, b, id, join, schema, countWrites };
  };

  it('a phase opened on A reaches B; a draft through B reaches its author’s tab on A and the facilitator’s count on A; a reveal on A writes it once and B’s clients hear of it', async () => {
    const { a, b, id, join } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnA = await join(a, 'editor', ann);
    const annOnB = await join(b, 'editor', ann); // the same person in a second tab, on the other instance
    const boOnB = await join(b, 'editor', bo);

    const markB = annOnB.mark();
    const phaseId = await facilitatorOnA.start();
    const opened = await annOnB.next<PrivateStateMessage>(
      (m) => isState(m) && m.event?.kind === 'opened',
      markB,
      'B’s writer to hear of the phase',
    );
    expect(opened).toMatchObject({
      phase: { id: phaseId, openedBy: fran.name },
      canWrite: true,
      drafts: [],
      event: { kind: 'opened', phaseId },
    });
    await boOnB.next((m) => isState(m) && m.phase?.id === phaseId, 0, 'Bo on B to hear of the phase');

    // A draft through B: the phase B checks is the database's, opened on A.
    const [stage, lane] = annOnB.cell(0, 2);
    const added = await annOnB.add(stage, lane, 'Shipping costs appear too late');
    if (added.type !== PRIVATE.draft) throw new Error(JSON.stringify(added));
    const draftId = added.draft.id;
    await annOnA.next(
      (m) => m.type === PRIVATE.draft && m.draft.id === draftId && m.draft.text === 'Shipping costs appear too late',
      0,
      'Ann’s tab on A to get her draft',
    );
    await waitFor(
      () =>
        facilitatorOnA.messages.some(
          (m) => m.type === PRIVATE.writers && m.writers.some((w) => w.personId === annOnA.person.id && w.count === 1),
        ),
      { what: 'the facilitator on A to count Ann’s draft' },
    );

    // An edit through B, a second draft through A removed through B: each reaches the other tab.
    expect(await annOnB.update(draftId, { text: 'Shipping costs appear at checkout only' })).toMatchObject({
      type: PRIVATE.draft,
    });
    await annOnA.next(
      (m) =>
        m.type === PRIVATE.draft && m.draft.id === draftId && m.draft.text === 'Shipping costs appear at checkout only',
      0,
      'the edit on A',
    );
    const second = await annOnA.add(stage, lane, 'Removed before the reveal');
    if (second.type !== PRIVATE.draft) throw new Error(JSON.stringify(second));
    await annOnB.next((m) => m.type === PRIVATE.draft && m.draft.id === second.draft.id, 0, 'the second draft on B');
    await waitFor(
      () =>
        boOnB.messages.some(
          (m) => m.type === PRIVATE.writers && m.writers.some((w) => w.personId === annOnA.person.id && w.count === 2),
        ),
      { what: 'Bo on B to count two drafts' },
    );
    expect(await annOnB.remove(second.draft.id)).toMatchObject({ type: PRIVATE.removed });
    await annOnA.next((m) => m.type === PRIVATE.removed && m.id === second.draft.id, 0, 'the removal on A');
    const lastCount = () =>
      facilitatorOnA.messages
        .filter((m) => m.type === PRIVATE.writers)
        .at(-1)
        ?.writers.find((w) => w.personId === annOnA.person.id)?.count;
    await waitFor(() => lastCount() === 1, { what: 'the count on A back to one' });

    // A tab on B that says hello now gets the phase and Ann's draft from the database.
    const annLate = await join(b, 'editor', ann);
    expect(annLate.lastState()).toMatchObject({
      phase: { id: phaseId },
      drafts: [{ id: draftId, text: 'Shipping costs appear at checkout only' }],
    });

    expect(await facilitatorOnA.close(phaseId)).toMatchObject({
      type: PRIVATE.state,
      phase: null,
      event: { kind: 'revealed', phaseId, notes: 1, kept: 0 },
    });
    for (const c of [annOnB, boOnB, annLate]) {
      const state = await c.next<PrivateStateMessage>(
        (m) => isState(m) && m.event?.kind === 'revealed',
        0,
        'B’s clients to hear of the reveal',
      );
      expect(state).toMatchObject({ phase: null, drafts: [], writers: [], event: { notes: 1 } });
    }
    const [note] = await waitFor(
      () =>
        notesWith(boOnB.doc, 'Shipping costs appear at checkout only').length > 0
          ? notesWith(boOnB.doc, 'Shipping costs appear at checkout only')
          : undefined,
      { what: 'the note on B' },
    );
    expect(note).toMatchObject({
      authorId: annOnA.person.id,
      department: 'sales',
      position: { stageId: stage, laneId: lane },
    });
    expect(notesWith(a.server.hocuspocus.documents.get(id)!, 'Shipping costs appear at checkout only')).toHaveLength(1);
    expect(notesWith(boOnB.doc, 'Removed before the reveal')).toHaveLength(0);
    expect(await a.server.store.privateWriting.listDrafts(id)).toEqual([]);
    // Nobody's tab heard of the reveal twice.
    for (const c of [facilitatorOnA, annOnA, annOnB, boOnB]) expect(revealedStates(c, phaseId)).toHaveLength(1);
  });

  it('a client on B never receives another person’s draft before the reveal: counts only, the facilitator on B included', async () => {
    const { a, b, join } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnA = await join(a, 'editor', ann);
    const annOnB = await join(b, 'editor', ann);
    const boOnB = await join(b, 'editor', bo);
    const facilitatorOnB = await join(b, 'facilitator', fran);
    const phaseId = await facilitatorOnA.start();
    for (const c of [boOnB, facilitatorOnB])
      await c.next((m) => isState(m) && m.phase?.id === phaseId, 0, 'B to hear of the phase');
    const marks = new Map([boOnB, facilitatorOnB].map((c) => [c, c.mark()]));

    const [s0, l2] = annOnA.cell(0, 2);
    const [s1, l3] = annOnA.cell(1, 3);
    const secretId = newDraftId();
    const secrets = ['Refunds take 30 days zqx', 'Refunds take 45 days wvk', 'Written on B kpt', secretId];
    expect(await annOnA.add(s0, l2, secrets[0]!, secretId)).toMatchObject({ type: PRIVATE.draft });
    expect(await annOnA.update(secretId, { text: secrets[1]!, stageId: s1, laneId: l3 })).toMatchObject({
      type: PRIVATE.draft,
    });
    const onB = await annOnB.add(s0, l2, secrets[2]!);
    if (onB.type !== PRIVATE.draft) throw new Error(JSON.stringify(onB));
    secrets.push(onB.draft.id);
    // Ann's own tab on B has both drafts (the relay works), so B has handled every event by now...
    await annOnB.next(
      (m) => m.type === PRIVATE.draft && m.draft.id === secretId && m.draft.text === secrets[1],
      0,
      'the edit to reach Ann on B',
    );
    for (const c of [boOnB, facilitatorOnB]) {
      await waitFor(
        () =>
          c.messages.some(
            (m) =>
              m.type === PRIVATE.writers && m.writers.some((w) => w.personId === annOnA.person.id && w.count === 2),
          ),
        { what: 'the count of two on B' },
      );
    }
    // ...and nobody else on B received a text or an id: since the phase opened, counts only.
    for (const [c, mark] of marks) {
      const heard = c.raw.slice(mark);
      expect(heard.length).toBeGreaterThan(0);
      for (const payload of heard) {
        for (const secret of secrets) expect(payload).not.toContain(secret);
        expect(JSON.parse(payload)).toMatchObject({ type: PRIVATE.writers });
      }
    }
    const late = await join(b, 'editor', bo);
    expect(late.lastState()).toMatchObject({ drafts: [], writers: [{ personId: annOnA.person.id, count: 2 }] });
    for (const payload of late.raw) for (const secret of secrets) expect(payload).not.toContain(secret);
    // Someone else's draft id through B is "not found", as on one instance.
    expect(await boOnB.update(secretId, { text: 'peek' })).toMatchObject({ code: 'draft-not-found' });
  });

  it('a draft added or edited through B while A reveals is either in the reveal or refused, never acknowledged and left out', async () => {
    const { a, b, id, join } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnB = await join(b, 'editor', ann);
    const [stage, lane] = annOnB.cell(0, 2);
    for (let race = 0; race < 6; race++) {
      const phaseId = await facilitatorOnA.start();
      await annOnB.next((m) => isState(m) && m.phase?.id === phaseId, 0, 'B to hear of the phase');
      const first = await annOnB.add(stage, lane, `First ${race}`);
      if (first.type !== PRIVATE.draft) throw new Error(JSON.stringify(first));
      const late = annOnB.add(stage, lane, `Late ${race}`);
      const edit = annOnB.update(first.draft.id, { text: `First ${race}, edited` });
      facilitatorOnA.send({ type: PRIVATE.reveal, phaseId });
      const [lateAnswer, editAnswer] = await Promise.all([late, edit]);
      await waitFor(() => revealedStates(facilitatorOnA, phaseId).length === 1, { what: `race ${race}: the reveal` });
      // A writes the document before it tells anyone: its copy is complete now.
      const doc = a.server.hocuspocus.documents.get(id)!;
      if (lateAnswer.type === PRIVATE.draft)
        expect(notesWith(doc, `Late ${race}`), `race ${race}: the late draft was acknowledged`).toHaveLength(1);
      else expect((lateAnswer as PrivateRefusedMessage).code).toBe('no-open-phase');
      if (editAnswer.type === PRIVATE.draft)
        expect(notesWith(doc, `First ${race}, edited`), `race ${race}: the edit was acknowledged`).toHaveLength(1);
      else {
        expect((editAnswer as PrivateRefusedMessage).code).toBe('draft-not-found');
        expect(notesWith(doc, `First ${race}`)).toHaveLength(1);
      }
      // Nothing acknowledged stays behind as a draft.
      expect(await a.server.store.privateWriting.listDrafts(id)).toEqual([]);
    }
  });

  it('facilitators on A and B revealing at the same moment: one instance writes the notes, everyone hears of the reveal once', async () => {
    const { a, b, id, join, countWrites } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const facilitatorOnB = await join(b, 'facilitator', fran);
    const annOnA = await join(a, 'editor', ann);
    const boOnB = await join(b, 'editor', bo);
    const [stage, lane] = annOnA.cell(1, 1);
    for (let race = 0; race < 3; race++) {
      const phaseId = await facilitatorOnA.start();
      await facilitatorOnB.next((m) => isState(m) && m.phase?.id === phaseId, 0, 'B to hear of the phase');
      expect(await annOnA.add(stage, lane, `Ann ${race}`)).toMatchObject({ type: PRIVATE.draft });
      expect(await boOnB.add(stage, lane, `Bo ${race}`)).toMatchObject({ type: PRIVATE.draft });
      const writes = countWrites();
      const [markA, markB] = [facilitatorOnA.mark(), facilitatorOnB.mark()];
      facilitatorOnA.send({ type: PRIVATE.reveal, phaseId });
      facilitatorOnB.send({ type: PRIVATE.reveal, phaseId });
      for (const c of [facilitatorOnA, facilitatorOnB, annOnA, boOnB])
        await waitFor(() => revealedStates(c, phaseId).length > 0, {
          what: `race ${race}: every tab to hear of the reveal`,
        });
      // One of the two was refused: the phase had ended (or was ending) when it came.
      const refusals = [...facilitatorOnA.raw.slice(markA), ...facilitatorOnB.raw.slice(markB)].filter((p) =>
        p.includes(PRIVATE.refused),
      );
      expect(
        refusals.map((p) => (JSON.parse(p) as PrivateRefusedMessage).code),
        `race ${race}`,
      ).toEqual(['phase-closed']);
      expect(writes.a + writes.b, `race ${race}: document writes (A ${writes.a}, B ${writes.b})`).toBe(1);
      for (const text of [`Ann ${race}`, `Bo ${race}`]) {
        await waitFor(() => notesWith(annOnA.doc, text).length === 1 && notesWith(boOnB.doc, text).length === 1, {
          what: `race ${race}: “${text}” on both instances`,
        });
      }
      for (const c of [facilitatorOnA, facilitatorOnB, annOnA, boOnB])
        expect(revealedStates(c, phaseId)).toHaveLength(1);
    }
    expect(await a.server.store.privateWriting.listDrafts(id)).toEqual([]);
  });

  it('a timed phase opened on A is watched by B too: B reveals it if A stops, and both timers firing at once reveal it once', async () => {
    const { a, b, id, join, countWrites } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnA = await join(a, 'editor', ann);
    const annOnB = await join(b, 'editor', ann);
    const [stage, lane] = annOnB.cell();

    // Both instances fire together: a phase tied to a timer run that is already done, watched again
    // from the database by each (as after a restart), so neither waits for the other.
    await a.server.workshop.apply(id, { type: 'journeyboard:timer', action: 'set', durationMs: 1_000 });
    const started = await a.server.workshop.apply(id, { type: 'journeyboard:timer', action: 'start' });
    if (!started.ok) throw new Error(started.message);
    await waitFor(async () => (await a.server.workshop.state(id)).timer.status === 'done', {
      what: 'the workshop timer to end',
    });
    const phase = {
      id: 'phase-both',
      boardId: id,
      openedAt: Date.now(),
      openedBy: { id: fran.id, name: fran.name },
      timerRun: started.state.timer.run,
    };
    expect(await a.server.store.privateWriting.openPhase(phase)).toBe(true);
    const draft = {
      boardId: id,
      id: newDraftId(),
      personId: ann.id,
      name: ann.name,
      department: ann.department,
      stageId: stage,
      laneId: lane,
      kind: null,
      text: 'Both timers',
      placedAt: 1,
      createdAt: 1,
      updatedAt: 1,
      noteId: null,
    };
    expect(await a.server.store.privateWriting.insertDraft(draft)).toBe(true);
    const writes = countWrites();
    await Promise.all([a.server.privateWriting.start(), b.server.privateWriting.start()]);
    for (const c of [annOnA, annOnB])
      await waitFor(() => revealedStates(c, phase.id).length > 0, { what: 'the timed reveal on both instances' });
    await waitFor(
      () => notesWith(annOnA.doc, 'Both timers').length === 1 && notesWith(annOnB.doc, 'Both timers').length === 1,
      { what: 'the note on both instances' },
    );
    expect(writes.a + writes.b).toBe(1);
    for (const c of [annOnA, annOnB]) expect(revealedStates(c, phase.id)).toHaveLength(1);

    // A phase opened on A with its timer; A stops before the end: B's watch reveals it.
    const markB = annOnB.mark();
    const phaseId = await facilitatorOnA.start({ timerMinutes: 0.05 }); // 3 s
    await annOnB.next((m) => isState(m) && m.phase?.id === phaseId, markB, 'B to hear of the timed phase');
    expect(await annOnB.add(stage, lane, 'Revealed by B')).toMatchObject({ type: PRIVATE.draft });
    facilitatorOnA.destroy();
    annOnA.destroy();
    await a.close();
    await waitFor(() => revealedStates(annOnB, phaseId).length === 1, {
      what: 'B to reveal the phase at the timer’s end',
      timeoutMs: 20_000,
    });
    await waitFor(() => notesWith(annOnB.doc, 'Revealed by B').length === 1, { what: 'the note B wrote' });
    expect(await b.server.store.privateWriting.getPhase(id, phaseId)).toMatchObject({ status: 'revealed' });
  });
});
