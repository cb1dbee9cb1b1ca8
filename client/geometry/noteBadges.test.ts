import { describe, expect, it } from 'vitest';
import type { NoteId } from '../../shared/index.ts';
import { badgeAt } from './commentBadges.ts';
import type { Rect } from './geometry.ts';
import { GAP, NOTE_H, NOTE_W, type BoardLayout } from './layout.ts';
import { deptMarkRect, FULL_LABEL_WIDTH, labelRect, noteBadges } from './noteBadges.ts';
import { myDotsRect, voteMarkScale } from './voteGeometry.ts';

/** Open rectangles overlap (touching edges do not count). */
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const CASES = [
  { vote: true, comment: true },
  { vote: true, comment: false },
  { vote: false, comment: true },
  { vote: false, comment: false },
] as const;

/** A note and its eight neighbours, GAP apart as layout.ts places notes in a cell. */
function neighbourhood(): Rect[] {
  const out: Rect[] = [];
  for (const dy of [-1, 0, 1])
    for (const dx of [-1, 0, 1])
      out.push({ x: 500 + dx * (NOTE_W + GAP), y: 400 + dy * (NOTE_H + GAP), width: NOTE_W, height: NOTE_H });
  return out;
}

/** Everything drawn in a note's header or on its edges: what must never cover anything else. */
function marks(note: Rect, has: { vote: boolean; comment: boolean }) {
  const b = noteBadges(note, has);
  return {
    badges: [b.vote, b.comment].filter((r): r is Rect => r !== null),
    label: labelRect(note, b.labelWidth),
    dept: deptMarkRect(note),
  };
}

describe('a note’s badges (issue 22, item 8: they covered each other and the kind label)', () => {
  it('never overlap each other, the kind label or the department mark, on the note or any neighbour', () => {
    const notes = neighbourhood();
    for (const mine of CASES)
      for (const theirs of CASES) {
        const me = marks(notes[4]!, mine);
        for (const [i, other] of notes.entries()) {
          const them = i === 4 ? me : marks(other, theirs);
          for (const badge of me.badges) {
            expect(overlap(badge, them.label), `badge × label ${JSON.stringify({ mine, theirs, i })}`).toBe(false);
            expect(overlap(badge, them.dept)).toBe(false);
            for (const b2 of them.badges) if (b2 !== badge) expect(overlap(badge, b2)).toBe(false);
            // Off its own note by at most half the gap: nothing of a neighbour is ever under it.
            if (i !== 4) expect(overlap(badge, other)).toBe(false);
          }
        }
      }
  });

  it('the label is cut where the badges begin, keeps its icon and a few letters, and is whole without badges', () => {
    const note = { x: 0, y: 0, width: NOTE_W, height: NOTE_H };
    expect(noteBadges(note, { vote: false, comment: false }).labelWidth).toBe(FULL_LABEL_WIDTH);
    for (const has of CASES) {
      const { labelWidth, vote, comment } = noteBadges(note, has);
      expect(labelWidth).toBeGreaterThanOrEqual(60);
      const label = labelRect(note, labelWidth);
      for (const b of [vote, comment]) if (b) expect(label.x + label.width).toBeLessThanOrEqual(b.x - 4);
    }
  });

  it('keep their board size at every zoom (layout does not depend on the camera)', () => {
    const note = { x: 10, y: 20, width: NOTE_W, height: NOTE_H };
    expect(noteBadges(note, CASES[0])).toEqual(noteBadges({ ...note }, CASES[0]));
  });

  it('my dots during a round stand out below the note by half the gap at most, at every zoom', () => {
    const [above, below] = [neighbourhood()[1]!, neighbourhood()[4]!];
    for (const scale of [0.3, 0.54, 1, 2])
      for (const count of [1, 3, 9]) {
        const pill = myDotsRect(above, count, voteMarkScale(scale));
        expect(pill.y + pill.height).toBeLessThanOrEqual(above.y + above.height + GAP / 2);
        for (const badge of marks(below, CASES[0]).badges) expect(overlap(pill, badge)).toBe(false);
        expect(overlap(pill, labelRect(below, FULL_LABEL_WIDTH))).toBe(false);
      }
  });

  it('a click on the comment badge finds its note, where it is drawn with or without a vote total', () => {
    const id = 'note:a' as NoteId;
    const r = { x: 100, y: 100, width: NOTE_W, height: NOTE_H };
    const layout = { notes: new Map([[id, r]]) } as unknown as BoardLayout;
    const counts = new Map([[id, 2]]);
    for (const vote of [true, false]) {
      const b = noteBadges(r, { vote, comment: true }).comment!;
      expect(badgeAt(layout, counts, { x: b.x + 3, y: b.y + 3 }, () => vote)).toBe(id);
    }
    const alone = noteBadges(r, { vote: false, comment: true }).comment!;
    // With a vote total the comment badge moves left: the old place is the vote badge's.
    expect(badgeAt(layout, counts, { x: alone.x + alone.width - 2, y: alone.y + 3 }, () => true)).toBeNull();
    expect(badgeAt(layout, counts, { x: 120, y: 150 })).toBeNull();
    expect(badgeAt(layout, new Map(), { x: alone.x + 3, y: alone.y + 3 })).toBeNull();
  });
});
