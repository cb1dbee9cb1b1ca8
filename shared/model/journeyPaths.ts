import type { Connector, ConnectorKind } from '../schema/connector.ts';
import type { ConnectorId, NoteId } from '../schema/ids.ts';
import type { MarkedPath } from '../schema/path.ts';
import type { BoardSnapshot } from './boardSnapshot.ts';

/**
 * The paths a customer can take from a start note, following connectors (issue 27 part 2).
 * Every outgoing connector is a branch (two next steps or an alternative are two paths). A path
 * ends where nothing leads on, at a drop-out (its target is where the customer leaves), or at a
 * loop: a loop-back connector, or any connector back to a note already on the path, is taken once
 * and not followed, so every walk terminates. Orphan connectors (an end missing) are not followed.
 * Pure: the same board gives the same paths, in the same order, on every peer.
 */

export type PathEnd = 'end' | 'drop-out' | 'loop';

interface PathStep {
  readonly noteId: NoteId;
  /** The connector that led here; null for the start note. */
  readonly via: Connector | null;
}

export interface JourneyPath {
  readonly steps: readonly PathStep[];
  readonly end: PathEnd;
}

export interface PathsFrom {
  readonly startId: NoteId;
  readonly paths: readonly JourneyPath[];
  /** More than PATH_CAP paths: the first ones are listed, and the highlight covers only them. */
  readonly truncated: boolean;
  /** Every note and connector on some path (what the board highlights). */
  readonly noteIds: ReadonlySet<NoteId>;
  readonly connectorIds: ReadonlySet<ConnectorId>;
  /** Notes a drop-out connector leads to (where customers leave). */
  readonly dropOutNoteIds: ReadonlySet<NoteId>;
  /** Connectors that close a loop (not followed further). */
  readonly loopConnectorIds: ReadonlySet<ConnectorId>;
}

/** A board with many crossing alternatives has exponentially many paths; list this many. */
export const PATH_CAP = 100;

const KIND_ORDER: Record<ConnectorKind, number> = { 'next-step': 0, alternative: 1, 'drop-out': 2, 'loop-back': 3 };

/** Outgoing connectors per note: next steps first, then alternatives, drop-outs, loops; then by id. */
export function outgoingConnectors(board: BoardSnapshot): ReadonlyMap<NoteId, readonly Connector[]> {
  const out = new Map<NoteId, Connector[]>();
  for (const c of board.connectors) {
    const list = out.get(c.from);
    if (list) list.push(c);
    else out.set(c.from, [c]);
  }
  for (const list of out.values())
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

export function pathsFrom(
  board: BoardSnapshot,
  startId: NoteId,
  outgoing: ReadonlyMap<NoteId, readonly Connector[]> = outgoingConnectors(board),
): PathsFrom {
  const paths: JourneyPath[] = [];
  let truncated = false;
  // Depth first with an explicit stack (a path can be thousands of steps); children pushed in
  // reverse so the paths come out in connector order. An entry with `end` is a finished path.
  const stack: { steps: PathStep[]; onPath: Set<NoteId>; end?: PathEnd }[] = [];
  if (board.notesById.has(startId)) stack.push({ steps: [{ noteId: startId, via: null }], onPath: new Set([startId]) });
  while (stack.length > 0) {
    const { steps, onPath, end } = stack[stack.length - 1]!;
    const next = end ? [] : (outgoing.get(steps[steps.length - 1]!.noteId) ?? []);
    if (next.length === 0) {
      if (!add({ steps, end: end ?? 'end' })) break;
      stack.pop();
      continue;
    }
    stack.pop();
    for (let i = next.length - 1; i >= 0; i--) {
      const c = next[i]!;
      const taken = [...steps, { noteId: c.to, via: c }];
      if (c.kind === 'drop-out') stack.push({ steps: taken, onPath, end: 'drop-out' });
      else if (c.kind === 'loop-back' || onPath.has(c.to)) stack.push({ steps: taken, onPath, end: 'loop' });
      else stack.push({ steps: taken, onPath: new Set(onPath).add(c.to) });
    }
  }

  function add(path: JourneyPath): boolean {
    if (paths.length >= PATH_CAP) {
      truncated = true;
      return false;
    }
    paths.push(path);
    return true;
  }

  const noteIds = new Set<NoteId>();
  const connectorIds = new Set<ConnectorId>();
  const dropOutNoteIds = new Set<NoteId>();
  const loopConnectorIds = new Set<ConnectorId>();
  for (const p of paths) {
    for (const s of p.steps) {
      noteIds.add(s.noteId);
      if (s.via) connectorIds.add(s.via.id);
    }
    const last = p.steps[p.steps.length - 1]!;
    if (p.end === 'drop-out') dropOutNoteIds.add(last.noteId);
    if (p.end === 'loop' && last.via) loopConnectorIds.add(last.via.id);
  }
  return { startId, paths, truncated, noteIds, connectorIds, dropOutNoteIds, loopConnectorIds };
}

/** A path's notes in walking order (a loop's last note is the one it returns to). */
export function pathNoteIds(path: Pick<JourneyPath, 'steps'>): NoteId[] {
  return path.steps.map((s) => s.noteId);
}

/** A path's connectors in walking order: what `markHappyPath` stores. */
export function pathConnectorIds(path: Pick<JourneyPath, 'steps'>): ConnectorId[] {
  return path.steps.flatMap((s) => (s.via ? [s.via.id] : []));
}

/** Whether two walks take the same connectors (how a listed path is matched to the marked one). */
export function samePath(a: readonly ConnectorId[], b: readonly ConnectorId[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export interface ResolvedPath extends JourneyPath {
  /** A step's connector was removed or reconnected: the path is shown up to there. */
  readonly cut: boolean;
}

/**
 * A marked path as it stands on the board now: its steps up to the first connector that no longer
 * exists (or is an orphan), or no longer starts where the step before ended. Null when not even
 * its first step is left.
 */
export function resolveMarkedPath(board: BoardSnapshot, marked: MarkedPath | null): ResolvedPath | null {
  if (!marked) return null;
  const byId = new Map(board.connectors.map((c) => [c.id, c]));
  const steps: PathStep[] = [];
  let cut = false;
  for (const id of marked.connectorIds) {
    const c = byId.get(id);
    const at = steps[steps.length - 1]?.noteId;
    if (!c || (at !== undefined && c.from !== at)) {
      cut = true;
      break;
    }
    if (steps.length === 0) steps.push({ noteId: c.from, via: null });
    steps.push({ noteId: c.to, via: c });
  }
  if (steps.length === 0) return null;
  const last = steps[steps.length - 1]!;
  const seen = new Set(steps.slice(0, -1).map((s) => s.noteId));
  const end: PathEnd =
    last.via?.kind === 'drop-out'
      ? 'drop-out'
      : last.via?.kind === 'loop-back' || seen.has(last.noteId)
        ? 'loop'
        : 'end';
  return { steps, end, cut };
}

/** Notes where a walk begins: some connector leaves them and only loop-backs (or none) arrive. */
export function startNotes(board: BoardSnapshot): NoteId[] {
  const leaves = new Set<NoteId>();
  const entered = new Set<NoteId>();
  for (const c of board.connectors) {
    leaves.add(c.from);
    if (c.kind !== 'loop-back') entered.add(c.to);
  }
  return board.notes.filter((n) => leaves.has(n.id) && !entered.has(n.id)).map((n) => n.id);
}
