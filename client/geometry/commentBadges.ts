import type { NoteId } from '../../shared/index.ts';
import type { Point, Rect } from './geometry.ts';
import type { BoardLayout } from './layout.ts';
import { BADGE_R, badgeCentre, voteMarkScale } from './voteGeometry.ts';

/**
 * A note's comment badge: a pill on its top edge, just left of the corner where a revealed
 * round's vote badge sits, so both stay readable on one note. Board units at 100%.
 */
export const BADGE_W = 34;
export const BADGE_H = 22;

/** Zoomed out, the badge keeps its size on screen (up to 2.2x its board size) so it stays legible. */
export function badgeScale(cameraScale: number): number {
  return Math.min(2.2, Math.max(1, 1 / cameraScale));
}

export function badgeRect(note: Rect, cameraScale = 1): Rect {
  const k = badgeScale(cameraScale);
  const w = BADGE_W * k;
  const h = BADGE_H * k;
  const vk = voteMarkScale(cameraScale);
  const voteLeft = badgeCentre(note, vk).x - BADGE_R * vk;
  return { x: voteLeft - 4 * k - w, y: note.y - 2 - h / 2, width: w, height: h };
}

/** The note whose badge is under `p`, if any (badges are drawn over notes, so they win). */
export function badgeAt(
  layout: BoardLayout,
  counts: ReadonlyMap<NoteId, number>,
  p: Point,
  cameraScale = 1,
): NoteId | null {
  for (const id of counts.keys()) {
    const r = layout.notes.get(id);
    if (!r) continue;
    const b = badgeRect(r, cameraScale);
    if (p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height) return id;
  }
  return null;
}
