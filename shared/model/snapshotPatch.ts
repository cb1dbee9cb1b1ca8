import type { NoteId } from '../schema/ids.ts';
import { recordTypeOf } from '../schema/ids.ts';
import type { Note } from '../schema/note.ts';
import { byIndex } from './ordering.ts';
import { cellKey, splitConnectors, type BoardRecord, type BoardSnapshot } from './boardSnapshot.ts';

/** Notes in a cell sort by fractional index, then id (the order `buildSnapshot` gives). */
export const byPosition = (a: Note, b: Note): number =>
  byIndex({ index: a.position.index, id: a.id }, { index: b.position.index, id: b.id });

/**
 * The next snapshot after a change that touched only notes, built from the previous one instead
 * of from every record: a full build re-sorts and re-groups every note (most of a remote edit's
 * cost on a 5,000-note board, docs/performance.md), where this copies one cell and the id map.
 * `changed` maps each touched record id to its record now (undefined: removed).
 * Returns null when the change needs a full build (a stage, lane, persona, round, KPI or connector changed,
 * or a note is or becomes an orphan); the result equals `buildSnapshot` of the same records.
 */
export function patchSnapshot(
  prev: BoardSnapshot,
  changed: ReadonlyMap<string, BoardRecord | undefined>,
): BoardSnapshot | null {
  const stageIds = new Set<string>(prev.stages.map((s) => s.id));
  const laneIds = new Set<string>(prev.lanes.map((l) => l.id));
  const placed = (n: Note) => stageIds.has(n.position.stageId) && laneIds.has(n.position.laneId);
  const notesById = new Map(prev.notesById);
  /** Cells whose membership or order may change, and notes replaced where they sit. */
  const resort = new Set<string>();
  const inPlace = new Map<Note, Note>();
  let notesAddedOrRemoved = false;
  for (const [id, next] of changed) {
    if (recordTypeOf(id) !== 'note' || (next && next.typeName !== 'note')) return null;
    const before = prev.notesById.get(id as NoteId);
    if ((before && !placed(before)) || (next && !placed(next))) return null;
    if (next) notesById.set(next.id, next);
    else notesById.delete(id as NoteId);
    if (!before && !next) continue;
    if (!before || !next) notesAddedOrRemoved = true;
    const from = before && cellKey(before.position.stageId, before.position.laneId);
    const to = next && cellKey(next.position.stageId, next.position.laneId);
    if (before && next && from === to && before.position.index === next.position.index) inPlace.set(before, next);
    else {
      if (from) resort.add(from);
      if (to) resort.add(to);
    }
  }
  const cells = new Map(prev.cells);
  for (const key of resort) {
    const list: Note[] = [];
    for (const n of prev.cells.get(key) ?? []) if (!changed.has(n.id)) list.push(n);
    for (const id of changed.keys()) {
      const n = notesById.get(id as NoteId);
      if (n && cellKey(n.position.stageId, n.position.laneId) === key) list.push(n);
    }
    list.sort(byPosition);
    if (list.length > 0) cells.set(key, list);
    else cells.delete(key);
  }
  for (const [before, next] of inPlace) {
    const key = cellKey(next.position.stageId, next.position.laneId);
    if (resort.has(key)) continue; // already re-read from notesById above
    const list = [...cells.get(key)!];
    list[list.indexOf(before)] = next;
    cells.set(key, list);
  }
  const notes: Note[] = [];
  for (const s of prev.stages)
    for (const l of prev.lanes) {
      const list = cells.get(cellKey(s.id, l.id));
      if (list) for (const n of list) notes.push(n);
    }
  for (const n of prev.orphanNotes) notes.push(n);
  // A note that comes or goes can make a connector an orphan or repair one.
  const ends = notesAddedOrRemoved
    ? splitConnectors([...prev.connectors, ...prev.orphanConnectors], notesById)
    : { connectors: prev.connectors, orphanConnectors: prev.orphanConnectors };
  return { ...prev, notes, notesById, cells, ...ends };
}
