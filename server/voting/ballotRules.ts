import type { LaneId, NoteId } from '../../shared/schema/ids.ts';
import type { NoteKind } from '../../shared/schema/noteKind.ts';
import { isVotable, type RefusalCode, type RoundSettings } from '../../shared/protocol/voting.ts';
import type { HeldRefusal } from '../reveal/HeldAudience.ts';

/** A note as the rules see it (read from the live document). */
export interface NoteFacts {
  readonly id: NoteId;
  readonly kind: NoteKind;
  readonly laneId: LaneId;
}

export type Refusal = HeldRefusal<RefusalCode>;

export type Dots = Readonly<Record<NoteId, number>>;

function dotsSpent(dots: Dots): number {
  return Object.values(dots).reduce((a, n) => a + n, 0);
}

/**
 * Dots left overall and per budgeted lane. Lane budgets count the notes where they are now (a
 * note moved to another lane during the round takes its dots with it); never below zero.
 */
export function remainingFor(
  settings: RoundSettings,
  dots: Dots,
  laneOf: (noteId: NoteId) => LaneId | null,
): { remaining: number; remainingByLane: Record<LaneId, number> } {
  const remaining = Math.max(0, settings.dotsPerPerson - dotsSpent(dots));
  const remainingByLane: Record<LaneId, number> = {};
  for (const [lane, budget] of Object.entries(settings.laneBudgets) as [LaneId, number][]) {
    let used = 0;
    for (const [noteId, n] of Object.entries(dots) as [NoteId, number][]) if (laneOf(noteId) === lane) used += n;
    remainingByLane[lane] = Math.max(0, Math.min(remaining, budget - used));
  }
  return { remaining, remainingByLane };
}

/** Why one more dot on `note` is refused, or null when it is allowed. The server is the only judge. */
export function checkPlace(
  settings: RoundSettings,
  dots: Dots,
  note: NoteFacts | null,
  laneOf: (noteId: NoteId) => LaneId | null,
): Refusal | null {
  if (!note) return { code: 'note-not-found', message: 'That note is not on the board any more.' };
  if (!isVotable(settings, note)) return { code: 'not-votable', message: 'This note is not part of this round.' };
  const { remaining, remainingByLane } = remainingFor(settings, dots, laneOf);
  if (remaining <= 0) {
    return {
      code: 'budget-spent',
      message: `You have used all ${settings.dotsPerPerson} of your dots. Take one back to move it.`,
    };
  }
  const laneLeft = remainingByLane[note.laneId];
  if (laneLeft !== undefined && laneLeft <= 0) {
    const budget = settings.laneBudgets[note.laneId] ?? 0;
    return {
      code: 'lane-budget-spent',
      message: `You have used your ${budget} dot${budget === 1 ? '' : 's'} for this lane.`,
    };
  }
  if (settings.capPerNote !== null && (dots[note.id] ?? 0) >= settings.capPerNote) {
    return {
      code: 'note-cap',
      message: `At most ${settings.capPerNote} dot${settings.capPerNote === 1 ? '' : 's'} per note in this round.`,
    };
  }
  return null;
}

export function withDot(dots: Dots, noteId: NoteId, delta: 1 | -1): Record<NoteId, number> {
  const next: Record<NoteId, number> = { ...dots };
  const n = (next[noteId] ?? 0) + delta;
  if (n > 0) next[noteId] = n;
  else delete next[noteId];
  return next;
}
