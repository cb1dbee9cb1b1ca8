import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, initializeBoard, findTemplate, readBoard } from '../../shared/index.ts';
import { PendingChanges } from './pendingChanges.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('PendingChanges', () => {
  it('counts records changed locally (one per note, not per keystroke), ignores remote updates, clears', () => {
    const server = new Y.Doc();
    initializeBoard(server, { boardId: 'b1', title: 'T', template: findTemplate('ecommerce')!, now: 1 });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server)); // remote: not counted
    const pending = new PendingChanges('b1', doc);
    expect(pending.count).toBe(0);

    const { stages, lanes, notes } = readBoard(doc);
    const id = executeCommand(doc, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'a' });
    for (const text of ['ab', 'abc', 'abcd']) executeCommand(doc, ann, 'editNoteText', { noteId: id, text });
    expect(pending.count).toBe(1);
    executeCommand(doc, ann, 'editNoteText', { noteId: notes[0]!.id, text: 'changed' });
    executeCommand(doc, ann, 'renameBoard', { title: 'New' });
    expect(pending.count).toBe(3);

    executeCommand(server, ann, 'renameStage', { stageId: stages[1]!.id, name: 'Remote' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
    expect(pending.count).toBe(3);

    let heard = 0;
    pending.subscribe(() => heard++);
    pending.clear();
    expect(pending.count).toBe(0);
    expect(heard).toBe(1);
    pending.destroy();
  });
});
