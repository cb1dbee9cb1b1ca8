import { CommandError } from '../model/errors.ts';
import type { BoardSnapshot } from '../model/snapshot.ts';
import { DEPARTMENTS } from '../schema/department.ts';
import type { NoteId } from '../schema/ids.ts';
import type { Note } from '../schema/note.ts';
import { NOTE_KINDS, type NoteKind } from '../schema/noteKind.ts';
import type { Peer } from './peers.ts';
import type { Prng } from './prng.ts';

/** Where a note sits, as one comparable string: stage, lane and index together. */
export const placeOf = (n: Note): string => `${n.position.stageId}|${n.position.laneId}|${n.position.index}`;

/**
 * What every peer did, for checking the merged board: which notes exist, which places and kinds
 * someone chose for each, and which characters someone typed into or deleted from each.
 * Note text is built from characters that are unique across the run, so each one can be traced.
 */
export class JourneyLedger {
  readonly created = new Set<NoteId>();
  readonly deleted = new Set<NoteId>();
  readonly places = new Map<NoteId, Set<string>>();
  readonly kinds = new Map<NoteId, Set<NoteKind>>();
  readonly typed = new Map<NoteId, Set<string>>();
  readonly erased = new Map<NoteId, Set<string>>();
  private nextChar = 0x4e00; // CJK ideographs: one UTF-16 unit each, none in template text

  freshChar(): string {
    return String.fromCharCode(this.nextChar++);
  }

  /** Records a note as the acting peer sees it right after creating, moving or changing it. */
  saw(note: Note, created = false): void {
    if (created) {
      this.created.add(note.id);
      for (const c of note.text) add(this.typed, note.id, c);
    }
    add(this.places, note.id, placeOf(note));
    add(this.kinds, note.id, note.kind);
  }

  expectedText(id: NoteId): Set<string> {
    const erased = this.erased.get(id) ?? new Set();
    return new Set([...(this.typed.get(id) ?? [])].filter((c) => !erased.has(c)));
  }
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

type OpName =
  | 'add'
  | 'move'
  | 'type'
  | 'delete'
  | 'update'
  | 'duplicate'
  | 'paste'
  | 'addStage'
  | 'moveStage'
  | 'renameStage'
  | 'addLane'
  | 'removeStage'
  | 'removeLane';

const WEIGHTS: Record<OpName, number> = {
  add: 24,
  move: 18,
  type: 20,
  delete: 7,
  update: 10,
  duplicate: 6,
  paste: 3,
  addStage: 2,
  moveStage: 2,
  renameStage: 2,
  addLane: 2,
  removeStage: 1,
  removeLane: 1,
};

/** One random user intent by `peer` on its own view of the board. Returns what it did, or null. */
export function randomOp(peer: Peer, random: Prng, ledger: JourneyLedger): OpName | null {
  const op = random.weighted(WEIGHTS);
  const board = peer.board();
  try {
    return OPS[op](peer, random, ledger, board) ? op : null;
  } catch (e) {
    // A local guard (e.g. the last stage) may refuse; anything else is a bug the test must see.
    if (e instanceof CommandError && e.code === 'invalid-input') return null;
    throw e;
  }
}

type OpFn = (peer: Peer, random: Prng, ledger: JourneyLedger, board: BoardSnapshot) => boolean;

function randomCell(random: Prng, board: BoardSnapshot) {
  if (board.stages.length === 0 || board.lanes.length === 0) return null;
  const stageId = random.pick(board.stages).id;
  const laneId = random.pick(board.lanes).id;
  return { stageId, laneId, size: board.cells.get(`${stageId}|${laneId}`)?.length ?? 0 };
}

const OPS: Record<OpName, OpFn> = {
  add(peer, random, ledger, board) {
    const cell = randomCell(random, board);
    if (!cell) return false;
    const id = peer.run('addNote', {
      stageId: cell.stageId,
      laneId: cell.laneId,
      text: ledger.freshChar() + ledger.freshChar(),
      ...(random.bool(0.3) ? { position: random.int(0, cell.size) } : {}),
      ...(random.bool(0.2) ? { kind: random.pick(NOTE_KINDS) } : {}),
    });
    ledger.saw(peer.board().notesById.get(id)!, true);
    return true;
  },
  move(peer, random, ledger, board) {
    const cell = randomCell(random, board);
    if (!cell || board.notes.length === 0) return false;
    const ids = random.sample(board.notes, random.int(1, 3)).map((n) => n.id);
    peer.run('moveNotes', {
      noteIds: ids,
      stageId: cell.stageId,
      laneId: cell.laneId,
      ...(random.bool() ? { position: random.int(0, cell.size) } : {}),
    });
    const after = peer.board();
    for (const id of ids) ledger.saw(after.notesById.get(id)!);
    return true;
  },
  type(peer, random, ledger, board) {
    if (board.notes.length === 0) return false;
    const note = random.pick(board.notes);
    const text = note.text;
    const at = random.int(0, text.length);
    let next: string;
    if (text.length > 0 && random.bool(0.3)) {
      const i = Math.min(at, text.length - 1);
      add(ledger.erased, note.id, text[i]!);
      next = text.slice(0, i) + text.slice(i + 1);
    } else {
      const c = ledger.freshChar();
      add(ledger.typed, note.id, c);
      next = text.slice(0, at) + c + text.slice(at);
    }
    peer.run('editNoteText', { noteId: note.id, text: next });
    return true;
  },
  delete(peer, random, ledger, board) {
    if (board.notes.length === 0) return false;
    const ids = random.sample(board.notes, random.int(1, 2)).map((n) => n.id);
    peer.run('deleteNotes', { noteIds: ids });
    for (const id of ids) ledger.deleted.add(id);
    return true;
  },
  update(peer, random, ledger, board) {
    if (board.notes.length === 0) return false;
    const ids = random.sample(board.notes, random.int(1, 2)).map((n) => n.id);
    const patch = {
      ...(random.bool() ? { kind: random.pick(NOTE_KINDS) } : {}),
      ...(random.bool()
        ? { colour: random.bool() ? null : `#${random.int(0, 0xffffff).toString(16).padStart(6, '0')}` }
        : {}),
      ...(random.bool() ? { sentiment: random.bool(0.2) ? null : random.int(-2, 2) } : {}),
      department: random.pick(DEPARTMENTS),
    };
    peer.run('updateNotes', { noteIds: ids, patch });
    const after = peer.board();
    for (const id of ids) ledger.saw(after.notesById.get(id)!);
    return true;
  },
  duplicate(peer, random, ledger, board) {
    if (board.notes.length === 0) return false;
    const copies = peer.run('duplicateNotes', {
      noteIds: random.sample(board.notes, random.int(1, 2)).map((n) => n.id),
    });
    const after = peer.board();
    for (const id of copies) ledger.saw(after.notesById.get(id)!, true);
    return true;
  },
  paste(peer, random, ledger, board) {
    const target = randomCell(random, board);
    if (!target || board.notes.length === 0) return false;
    const notes = random.sample(board.notes, 2).map((n) => ({
      ...n.position,
      kind: n.kind,
      text: n.text,
      colour: n.colour,
      sentiment: n.sentiment,
      department: n.department,
    }));
    const ids = peer.run('pasteNotes', {
      notes,
      ...(random.bool() ? { target: { stageId: target.stageId, laneId: target.laneId } } : {}),
    });
    const after = peer.board();
    for (const id of ids) ledger.saw(after.notesById.get(id)!, true);
    return true;
  },
  addStage(peer, random) {
    peer.run('addStage', { name: `Stage ${random.int(1, 99)}`, position: random.int(0, 6) });
    return true;
  },
  moveStage(peer, random, _ledger, board) {
    if (board.stages.length === 0) return false;
    peer.run('moveStage', { stageId: random.pick(board.stages).id, position: random.int(0, board.stages.length) });
    return true;
  },
  renameStage(peer, random, _ledger, board) {
    if (board.stages.length === 0) return false;
    peer.run('renameStage', { stageId: random.pick(board.stages).id, name: `Renamed ${random.int(1, 99)}` });
    return true;
  },
  addLane(peer, random) {
    peer.run('addLane', { name: `Lane ${random.int(1, 99)}`, kind: random.pick(NOTE_KINDS) });
    return true;
  },
  removeStage(peer, random, ledger, board) {
    if (board.stages.length < 2) return false;
    const [victim, to] = random.sample(board.stages, 2) as [
      BoardSnapshot['stages'][number],
      BoardSnapshot['stages'][number],
    ];
    const held = board.notes.filter((n) => n.position.stageId === victim.id).map((n) => n.id);
    return removeStructure(
      peer,
      random,
      ledger,
      held,
      (decision) => peer.run('removeStage', { stageId: victim.id, decision }),
      to.id,
    );
  },
  removeLane(peer, random, ledger, board) {
    if (board.lanes.length < 2) return false;
    const [victim, to] = random.sample(board.lanes, 2) as [
      BoardSnapshot['lanes'][number],
      BoardSnapshot['lanes'][number],
    ];
    const held = board.notes.filter((n) => n.position.laneId === victim.id).map((n) => n.id);
    return removeStructure(
      peer,
      random,
      ledger,
      held,
      (decision) => peer.run('removeLane', { laneId: victim.id, decision: decision as never }),
      to.id,
    );
  },
};

function removeStructure(
  peer: Peer,
  random: Prng,
  ledger: JourneyLedger,
  held: readonly NoteId[],
  remove: (decision: { notes: 'delete' } | { notes: 'move'; to: never }) => void,
  to: string,
): boolean {
  const move = random.bool();
  remove(move ? { notes: 'move', to: to as never } : { notes: 'delete' });
  const after = peer.board();
  for (const id of held) {
    if (move) ledger.saw(after.notesById.get(id)!);
    else ledger.deleted.add(id);
  }
  return true;
}
