import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../doc/boardDoc.ts';
import type { NoteId } from '../schema/ids.ts';
import { createTestBoard, joinTestBoard, TEST_ACTOR, type TestBoard } from '../testing/board.ts';
import { BoardSnapshotSource, readBoard, type BoardSnapshot } from './snapshot.ts';

/** Everything a reader can see of a snapshot, as plain data (Maps as entry lists). */
function plain(b: BoardSnapshot) {
  return {
    ...b,
    notesById: [...b.notesById].sort(([a], [c]) => (a < c ? -1 : 1)),
    cells: [...b.cells].sort(([a], [c]) => (a < c ? -1 : 1)),
    kpisByStage: [...b.kpisByStage],
  };
}

/** A seeded random edit: mostly note changes (patched), now and then a structural one (full build). */
function randomEdit(t: TestBoard, rnd: () => number): void {
  const b = t.board();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const someNotes = () =>
    Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(b.notes).id).filter((id, i, a) => a.indexOf(id) === i);
  const r = rnd();
  if (b.notes.length === 0 || r < 0.15)
    t.run('addNote', {
      stageId: pick(b.stages).id,
      laneId: pick(b.lanes).id,
      text: `new ${r}`,
      ...(rnd() < 0.5 ? { position: 0 } : {}),
    });
  else if (r < 0.4) t.run('editNoteText', { noteId: pick(b.notes).id, text: `edited ${r}` });
  else if (r < 0.6)
    t.run('moveNotes', {
      noteIds: someNotes(),
      stageId: pick(b.stages).id,
      laneId: pick(b.lanes).id,
      ...(rnd() < 0.5 ? { position: Math.floor(rnd() * 4) } : {}),
    });
  else if (r < 0.7) t.run('updateNotes', { noteIds: someNotes(), patch: { colour: rnd() < 0.5 ? '#aabbcc' : null } });
  else if (r < 0.78) t.run('deleteNotes', { noteIds: someNotes() });
  else if (r < 0.84) t.run('duplicateNotes', { noteIds: someNotes() });
  else if (r < 0.88) t.run('renameStage', { stageId: pick(b.stages).id, name: `Stage ${r}` });
  else if (r < 0.9 && b.lanes.length > 2)
    t.run('removeLane', { laneId: pick(b.lanes).id, decision: { notes: 'delete' } });
  else if (r < 0.93) t.run('renameBoard', { title: `Board ${r}` });
  else t.run('editNoteText', { noteId: pick(b.notes).id, text: '' });
}

describe('patchSnapshot', () => {
  it('gives the snapshot a full build gives, after every kind of change, local and remote', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const ann = createTestBoard('ecommerce');
    const bo = joinTestBoard(ann, { ...TEST_ACTOR, id: 'user-bo' });
    const source = new BoardSnapshotSource(ann.doc);
    let patched = 0;
    let orphaned = 0;
    for (let step = 0; step < 300; step++) {
      const before = source.getSnapshot();
      // Now and then both edit before they sync: concurrent removals leave orphans.
      if (step % 100 === 50) {
        // Ann removes a lane while Bo moves a note into it: the note is an orphan for both.
        const lane = ann.board().lanes.at(-1)!;
        bo.run('moveNotes', { noteIds: [bo.board().notes[0]!.id], stageId: bo.board().stages[0]!.id, laneId: lane.id });
        ann.run('removeLane', { laneId: lane.id, decision: { notes: 'delete' } });
        ann.run('addLane', { name: `Lane ${step}`, kind: 'thought' });
      }
      const concurrent = rnd() < 0.3;
      if (concurrent || rnd() < 0.5) randomEdit(bo, rnd);
      if (concurrent || rnd() < 0.5) randomEdit(ann, rnd);
      Y.applyUpdate(ann.doc, Y.encodeStateAsUpdate(bo.doc, Y.encodeStateVector(ann.doc)), 'remote');
      Y.applyUpdate(bo.doc, Y.encodeStateAsUpdate(ann.doc, Y.encodeStateVector(bo.doc)), 'remote');
      const after = source.getSnapshot();
      // A patched snapshot keeps the stage list; a full build makes a new one.
      if (after !== before && after.stages === before.stages) patched++;
      expect(plain(after)).toEqual(plain(readBoard(ann.doc)));
      if (after.orphanNotes.length > 0) orphaned++;
    }
    expect(patched).toBeGreaterThan(100);
    expect(orphaned).toBeGreaterThan(0);
  });

  it('keeps unchanged cells and every untouched note as they were', () => {
    const t = createTestBoard('ecommerce');
    const source = new BoardSnapshotSource(t.doc);
    const before = source.getSnapshot();
    const note = before.notes[0]!;
    const key = `${note.position.stageId}|${note.position.laneId}`;
    t.run('editNoteText', { noteId: note.id, text: 'changed' });
    const after = source.getSnapshot();
    expect(after.stages).toBe(before.stages);
    expect(after.cells.get(key)).not.toBe(before.cells.get(key));
    for (const [k, list] of after.cells) if (k !== key) expect(list).toBe(before.cells.get(k));
    expect(after.notes.indexOf(after.notesById.get(note.id)!)).toBe(before.notes.indexOf(note));
  });

  it('builds in full when a note becomes an orphan or a record of another type changes', () => {
    const t = createTestBoard('ecommerce');
    const source = new BoardSnapshotSource(t.doc);
    const before = source.getSnapshot();
    const note = before.notes[0]!;
    t.doc.transact(() =>
      recordsMap(t.doc)
        .get(note.id)!
        .set('position', { stageId: 'stage:gone', laneId: note.position.laneId, index: 'a0' }),
    );
    const after = source.getSnapshot();
    expect(after.stages).not.toBe(before.stages);
    expect(after.orphanNotes.map((n) => n.id)).toEqual([note.id as NoteId]);
    expect(plain(after)).toEqual(plain(readBoard(t.doc)));
  });
});
