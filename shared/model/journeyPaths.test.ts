import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../doc/boardDoc.ts';
import type { ConnectorKind } from '../schema/connector.ts';
import type { ConnectorId, NoteId } from '../schema/ids.ts';
import { HAPPY_PATH_ID } from '../schema/path.ts';
import { createTestBoard } from '../testing/board.ts';
import { initPeers } from '../testing/peers.ts';
import { checkBoardBackup, exportBoardBackup, importBoardBackup } from '../export/backup.ts';
import { BoardModel } from './boardModel.ts';
import { initializeBoard } from './createBoard.ts';
import { restoreBoardContent } from './restore.ts';
import { boardTemplateSchema, templateFromBoard } from './savedTemplate.ts';
import { readBoard } from './snapshot.ts';
import { pathCurve } from './emotionCurve.ts';
import {
  PATH_CAP,
  pathConnectorIds,
  pathNoteIds,
  pathsFrom,
  resolveMarkedPath,
  startNotes,
  type JourneyPath,
} from './journeyPaths.ts';
import { HAPPY_PATH_NAME, notePathNames } from './notePaths.ts';

/** A board with notes named a, b, c… (one per stage and lane cell, in order) and connectors between them by name. */
function journey(names: string, links: readonly [string, string, ConnectorKind?][], t = createTestBoard('blank')) {
  const board = t.board();
  const laneId = board.lanes[0]!.id;
  const ids = new Map<string, NoteId>();
  [...names].forEach((name, i) => {
    const stageId = board.stages[i % board.stages.length]!.id;
    ids.set(name, t.run('addNote', { stageId, laneId, text: `note ${name}` }));
  });
  const connectors = new Map<string, ConnectorId>();
  for (const [from, to, kind] of links)
    connectors.set(`${from}${to}`, t.run('addConnector', { from: ids.get(from)!, to: ids.get(to)!, kind }));
  const nameOf = new Map([...ids].map(([n, id]) => [id, n]));
  /** A path as letters and its end: "abc end". */
  const spell = (p: JourneyPath) =>
    `${pathNoteIds(p)
      .map((id) => nameOf.get(id))
      .join('')} ${p.end}`;
  const from = (name: string) => pathsFrom(t.board(), ids.get(name)!);
  return { t, id: (n: string) => ids.get(n)!, connector: (ft: string) => connectors.get(ft)!, spell, from };
}

describe('paths from a start note', () => {
  it('a chain is one path to its end', () => {
    const j = journey('abc', [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    const r = j.from('a');
    expect(r.paths.map(j.spell)).toEqual(['abc end']);
    expect([...r.noteIds].sort()).toEqual(['a', 'b', 'c'].map(j.id).sort());
    expect(r.truncated).toBe(false);
  });

  it('alternatives branch: each outgoing connector is a path, next steps first', () => {
    const j = journey('abcde', [
      ['a', 'c', 'alternative'],
      ['a', 'b'],
      ['b', 'd'],
      ['c', 'd'],
      ['d', 'e'],
    ]);
    expect(j.from('a').paths.map(j.spell)).toEqual(['abde end', 'acde end']);
  });

  it('a drop-out ends its path at the note where customers leave, and is marked', () => {
    const j = journey('abcx', [
      ['a', 'b'],
      ['b', 'x', 'drop-out'],
      ['b', 'c'],
      ['x', 'c'],
    ]);
    const r = j.from('a');
    // Nothing after a drop-out's target is followed on that path (x → c is not part of it).
    expect(r.paths.map(j.spell)).toEqual(['abc end', 'abx drop-out']);
    expect([...r.dropOutNoteIds]).toEqual([j.id('x')]);
    expect(r.connectorIds.has(j.connector('xc'))).toBe(false);
  });

  it('a loop back is taken once and ends the path: the walk terminates', () => {
    const j = journey('abc', [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a', 'loop-back'],
    ]);
    const r = j.from('a');
    expect(r.paths.map(j.spell)).toEqual(['abca loop']);
    expect([...r.loopConnectorIds]).toEqual([j.connector('ca')]);
  });

  it('a cycle drawn with next steps (no loop-back) also terminates, marked as a loop', () => {
    const j = journey('abc', [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'b'],
    ]);
    expect(j.from('a').paths.map(j.spell)).toEqual(['abcb loop']);
    // Starting inside the cycle works the same way.
    expect(j.from('c').paths.map(j.spell)).toEqual(['cbc loop']);
  });

  it('a note with no connectors is a path of one note; a missing start has none', () => {
    const j = journey('ab', []);
    expect(j.from('a').paths.map(j.spell)).toEqual(['a end']);
    expect(pathsFrom(j.t.board(), 'note:gone').paths).toEqual([]);
  });

  it('orphan connectors (an end deleted) are not followed', () => {
    const j = journey('abc', [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    // A colleague deletes c while the connector b → c is drawn: written raw, as a concurrent
    // delete leaves it (the model's deleteNotes would remove the connector too).
    j.t.doc.transact(() => recordsMap(j.t.doc).delete(j.id('c')));
    expect(j.t.board().orphanConnectors.map((c) => c.id)).toEqual([j.connector('bc')]);
    expect(j.from('a').paths.map(j.spell)).toEqual(['ab end']);
  });

  it('many crossing alternatives stop at PATH_CAP paths, flagged as truncated', () => {
    // 8 diamonds in a row: 2^8 = 256 paths.
    const names = 'abcdefghijklmnopqrstuvwxy';
    const links: [string, string, ConnectorKind][] = [];
    for (let i = 0; i + 2 < 25; i += 3) {
      const [s, u, l, e] = [names[i]!, names[i + 1]!, names[i + 2]!, names[i + 3]];
      if (!e) break;
      links.push([s, u, 'next-step'], [s, l, 'alternative'], [u, e, 'next-step'], [l, e, 'next-step']);
    }
    const j = journey(names, links);
    const r = j.from('a');
    expect(r.paths).toHaveLength(PATH_CAP);
    expect(r.truncated).toBe(true);
  });

  it('start notes: connectors leave them and only loop-backs arrive', () => {
    const j = journey('abcz', [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a', 'loop-back'],
    ]);
    expect(startNotes(j.t.board())).toEqual([j.id('a')]);
  });
});

describe('the happy path', () => {
  const diamond = () =>
    journey('abcd', [
      ['a', 'b'],
      ['a', 'c', 'alternative'],
      ['b', 'd'],
      ['c', 'd'],
    ]);

  it('is marked from a listed path, stored as its connectors, and read back in walking order', () => {
    const j = diamond();
    const second = j.from('a').paths[1]!;
    j.t.run('markHappyPath', { connectorIds: pathConnectorIds(second) });
    const board = j.t.board();
    expect(board.happyPath?.connectorIds).toEqual([j.connector('ac'), j.connector('cd')]);
    const resolved = resolveMarkedPath(board, board.happyPath)!;
    expect(j.spell(resolved)).toBe('acd end');
    expect(resolved.cut).toBe(false);
    // Marking another replaces it.
    j.t.run('markHappyPath', { connectorIds: pathConnectorIds(j.from('a').paths[0]!) });
    expect(j.spell(resolveMarkedPath(j.t.board(), j.t.board().happyPath)!)).toBe('abd end');
  });

  it('is cut where a step is deleted, and keeps its record (a concurrent delete loses nothing else)', () => {
    const j = diamond();
    j.t.run('markHappyPath', { connectorIds: [j.connector('ab'), j.connector('bd')] });
    j.t.run('deleteConnectors', { connectorIds: [j.connector('bd')] });
    const resolved = resolveMarkedPath(j.t.board(), j.t.board().happyPath)!;
    expect(j.spell(resolved)).toBe('ab end');
    expect(resolved.cut).toBe(true);
    j.t.run('deleteConnectors', { connectorIds: [j.connector('ab')] });
    expect(resolveMarkedPath(j.t.board(), j.t.board().happyPath)).toBeNull();
    expect(j.t.board().happyPath).not.toBeNull();
  });

  it('a reconnected step cuts the path where it no longer follows on', () => {
    const j = diamond();
    j.t.run('markHappyPath', { connectorIds: [j.connector('ab'), j.connector('bd')] });
    j.t.run('reconnectConnector', { connectorId: j.connector('bd'), from: j.id('c'), to: j.id('b') });
    expect(j.spell(resolveMarkedPath(j.t.board(), j.t.board().happyPath)!)).toBe('ab end');
  });

  it('is undoable per person: my undo removes my marking, not a colleague’s earlier one', () => {
    const j = diamond();
    const model = new BoardModel(j.t.doc, j.t.actor);
    model.run('markHappyPath', { connectorIds: [j.connector('ab'), j.connector('bd')] });
    model.run('markHappyPath', { connectorIds: [j.connector('ac'), j.connector('cd')] });
    expect(model.undo()).toBe(true);
    expect(model.source.getSnapshot().happyPath?.connectorIds).toEqual([j.connector('ab'), j.connector('bd')]);
    model.run('clearHappyPath', {});
    expect(model.source.getSnapshot().happyPath).toBeNull();
    expect(model.undo()).toBe(true);
    expect(model.source.getSnapshot().happyPath?.connectorIds).toEqual([j.connector('ab'), j.connector('bd')]);
    model.destroy();
  });

  it('two people marking at once converge on one whole path, never a mix of both', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const network = initPeers({ users: 3, seed });
      const first = network.peer(0);
      const laneId = first.board().lanes[0]!.id;
      const n = first
        .board()
        .stages.slice(0, 4)
        .map((s, i) => first.run('addNote', { stageId: s.id, laneId, text: `n${i}` }));
      const ab = first.run('addConnector', { from: n[0]!, to: n[1]! });
      const bd = first.run('addConnector', { from: n[1]!, to: n[3]! });
      const ac = first.run('addConnector', { from: n[0]!, to: n[2]!, kind: 'alternative' });
      const cd = first.run('addConnector', { from: n[2]!, to: n[3]! });
      network.syncAll();
      network.peer(1).run('markHappyPath', { connectorIds: [ab, bd] });
      network.peer(2).run('markHappyPath', { connectorIds: [ac, cd] });
      network.syncAll();
      const marked = network.peers.map((p) => p.board().happyPath?.connectorIds);
      expect(new Set(marked.map((m) => JSON.stringify(m))).size).toBe(1);
      expect([JSON.stringify([ab, bd]), JSON.stringify([ac, cd])]).toContain(JSON.stringify(marked[0]));
    }
  });
});

describe('which path a note sits on', () => {
  it('names the paths through each note; the happy path by its name', () => {
    const j = journey('abcx', [
      ['a', 'b'],
      ['b', 'c'],
      ['b', 'x', 'drop-out'],
    ]);
    let names = notePathNames(j.t.board());
    expect(names.get(j.id('x'))).toBe('note a → note x (drop-out)');
    expect(names.get(j.id('b'))).toBe('note a → note c; note a → note x (drop-out)');
    j.t.run('markHappyPath', { connectorIds: [j.connector('ab'), j.connector('bc')] });
    names = notePathNames(j.t.board());
    expect(names.get(j.id('b'))).toBe(HAPPY_PATH_NAME);
    expect(names.get(j.id('x'))).toBe('note a → note x (drop-out)');
  });

  it('a note on no path is absent', () => {
    const j = journey('abz', [['a', 'b']]);
    expect(notePathNames(j.t.board()).has(j.id('z'))).toBe(false);
  });
});

describe('the emotion curve along a path', () => {
  it('has the sentiment of each path note that has one, in walking order, loops included', () => {
    const j = journey('abc', [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a', 'loop-back'],
    ]);
    j.t.run('updateNotes', { noteIds: [j.id('a')], patch: { sentiment: -1 } });
    j.t.run('updateNotes', { noteIds: [j.id('c')], patch: { sentiment: 2 } });
    const path = j.from('a').paths[0]!;
    const curve = pathCurve(j.t.board(), pathNoteIds(path));
    expect(curve.points.map((p) => [p.noteId, p.sentiment])).toEqual([
      [j.id('a'), -1],
      [j.id('c'), 2],
      [j.id('a'), -1],
    ]);
    expect(curve.notes).toBe(4);
  });
});

describe('stored steps', () => {
  it('are one field of one record under a fixed id', () => {
    const j = journey('ab', [['a', 'b']]);
    j.t.run('markHappyPath', { connectorIds: [j.connector('ab')] });
    const rec = recordsMap(j.t.doc).get(HAPPY_PATH_ID)!;
    expect(rec).toBeInstanceOf(Y.Map);
    expect(rec.toJSON()).toEqual({ connectors: [j.connector('ab')] });
  });
});

describe('the happy path travels with the board', () => {
  const marked = () => {
    const j = journey('abc', [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c', 'alternative'],
    ]);
    j.t.run('markHappyPath', { connectorIds: [j.connector('ab'), j.connector('bc')] });
    return j;
  };
  /** The happy path as note texts, which copies of a board keep (their ids are new). */
  const happyTexts = (doc: Y.Doc) => {
    const board = readBoard(doc);
    return resolveMarkedPath(board, board.happyPath)?.steps.map((s) => board.notesById.get(s.noteId)!.text);
  };

  it('in a saved template and the board made from it', () => {
    const j = marked();
    const template = templateFromBoard(j.t.board(), { id: 'saved-abcdefghijkl', name: 'n', description: '' });
    expect(boardTemplateSchema.safeParse(template).success).toBe(true);
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'copy', title: 'Copy', template, now: 1 });
    expect(happyTexts(doc)).toEqual(['note a', 'note b', 'note c']);
  });

  it('a template whose happy path does not follow its connectors is refused', () => {
    const j = marked();
    const template = templateFromBoard(j.t.board(), { id: 'saved-abcdefghijkl', name: 'n', description: '' });
    const bad = { ...template, happyPath: [...template.happyPath!].reverse() };
    expect(boardTemplateSchema.safeParse(bad).success).toBe(false);
    expect(boardTemplateSchema.safeParse({ ...template, happyPath: [99] }).success).toBe(false);
  });

  it('in a backup export and its import', () => {
    const j = marked();
    const backup = exportBoardBackup(j.t.doc, { exportedAt: 'now', comments: null, commentsIncluded: false });
    const checked = checkBoardBackup(JSON.parse(JSON.stringify(backup)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(happyTexts(importBoardBackup(checked.backup, 'imported'))).toEqual(['note a', 'note b', 'note c']);
  });

  it('in a checkpoint restore: a path cleared since comes back', () => {
    const j = marked();
    const checkpoint = new Y.Doc();
    Y.applyUpdate(checkpoint, Y.encodeStateAsUpdate(j.t.doc));
    j.t.run('clearHappyPath', {});
    expect(happyTexts(j.t.doc)).toBeUndefined();
    restoreBoardContent(j.t.doc, checkpoint);
    expect(happyTexts(j.t.doc)).toEqual(['note a', 'note b', 'note c']);
  });
});
