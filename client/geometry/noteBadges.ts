import type { NoteId } from '../../shared/index.ts';
import type { Rect } from './geometry.ts';
import { NOTE_W } from './layout.ts';

/**
 * A note's header row, left to right: the department mark, the kind label, then (when there are
 * any) its badges, right-aligned: the comment count, then the revealed round's vote total. The
 * label is cut with "…" where the badges begin, so no badge covers the label, the mark or the
 * other badge (issue 22, item 8). Badges keep their board size at every zoom: they used to grow
 * when zoomed out and then covered the label and the neighbouring notes (they stuck out of the
 * note by up to 28 units; notes are 12 apart). Board units; offsets from the note's top-left.
 */
const HEADER_PAD = 12;
export const DEPT_MARK = { x: HEADER_PAD, y: 7, size: 16 } as const;
/** Where the kind label starts (after the mark) and its top and font size. */
export const LABEL_X = DEPT_MARK.x + DEPT_MARK.size + 6;
export const LABEL_Y = 9;
export const LABEL_FONT = 9.5;

export const VOTE_BADGE_D = 28;
const COMMENT_BADGE_W = 34;
const COMMENT_BADGE_H = 22;
const BADGE_GAP = 4;
/** Badges stand out above the note by this much at most: half the 12-unit gap between notes. */
const BADGE_TOP = -5;
const RIGHT_INSET = 6;

export interface NoteBadges {
  /** The vote total's circle (its bounding box), or null. */
  readonly vote: Rect | null;
  readonly comment: Rect | null;
  /** The kind label's width: it ends 4 units before the first badge, or at the note's padding. */
  readonly labelWidth: number;
}

/** Where a note's badges go, and how much room its kind label keeps. */
export function noteBadges(note: Rect, has: { readonly vote: boolean; readonly comment: boolean }): NoteBadges {
  let right = note.x + note.width - RIGHT_INSET;
  const vote = has.vote
    ? { x: right - VOTE_BADGE_D, y: note.y + BADGE_TOP, width: VOTE_BADGE_D, height: VOTE_BADGE_D }
    : null;
  if (vote) right = vote.x - BADGE_GAP;
  const comment = has.comment
    ? {
        x: right - COMMENT_BADGE_W,
        y: note.y + BADGE_TOP + (VOTE_BADGE_D - COMMENT_BADGE_H) / 2,
        width: COMMENT_BADGE_W,
        height: COMMENT_BADGE_H,
      }
    : null;
  if (comment) right = comment.x - BADGE_GAP;
  const labelEnd = vote || comment ? right - note.x : note.width - HEADER_PAD;
  return { vote, comment, labelWidth: labelEnd - LABEL_X };
}

/** The kind label's box (its width as laid out; the text is cut to it). */
export function labelRect(note: Rect, labelWidth: number): Rect {
  return { x: note.x + LABEL_X, y: note.y + LABEL_Y, width: labelWidth, height: LABEL_FONT + 3 };
}

/** The department mark's box. */
export function deptMarkRect(note: Rect): Rect {
  return { x: note.x + DEPT_MARK.x, y: note.y + DEPT_MARK.y, width: DEPT_MARK.size, height: DEPT_MARK.size };
}

/** The label width a note with no badges has (noteNode.ts's default). */
export const FULL_LABEL_WIDTH = NOTE_W - HEADER_PAD - LABEL_X;

/** Does the revealed round's total show as a badge on this note? Not when `detailed` is false (below DETAIL_SCALE VotesLayer draws none). */
export function hasVoteBadge(totals: Readonly<Record<NoteId, number>> | null, id: NoteId, detailed: boolean): boolean {
  return detailed && (totals?.[id] ?? 0) > 0;
}
