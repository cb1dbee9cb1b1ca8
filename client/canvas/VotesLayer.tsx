import { memo } from 'react';
import { Circle, Group, Rect } from 'react-konva';
import { isVotable, type Note, type NoteId, type RoundSettings } from '../../shared/index.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { noteBadges, VOTE_BADGE_D } from '../geometry/noteBadges.ts';
import { dotCentre, DOT_R, MAX_DRAWN_DOTS, myDotsRect } from '../geometry/voteGeometry.ts';
import { BoardText } from './BoardText.tsx';
import { slateShadow } from './theme.ts';

interface Props {
  readonly notes: readonly Note[];
  readonly layout: BoardLayout;
  /** Settings of the open round (non-votable notes are veiled), or null. */
  readonly openRound: RoundSettings | null;
  /** My own dots in the open round (only mine: nobody else's ever reach this client). */
  readonly myDots: Readonly<Record<NoteId, number>>;
  /** Totals of the revealed round being shown, or null. */
  readonly totals: Readonly<Record<NoteId, number>> | null;
  /** voteMarkScale of the camera: my dots stay readable when zoomed out. */
  readonly markScale: number;
  /** Notes with a comment badge (the vote total keeps the corner; noteBadges.ts). */
  readonly commented: ReadonlyMap<NoteId, number>;
}

const DOT_FILL = '#4f46e5';
const VEIL = 'rgba(241,243,246,0.78)';

/**
 * Voting on the canvas: during a round, a veil over notes that cannot be voted on and my own dots
 * on the notes I voted for; after a reveal, each note's total as a badge. Dumb: props in, shapes
 * out; clicks are handled by useCanvasInteractions with the same geometry (voteGeometry.ts).
 */
export const VotesLayer = memo(function VotesLayer({
  notes,
  layout,
  openRound,
  myDots,
  totals,
  markScale: k,
  commented,
}: Props) {
  return (
    <Group listening={false} name="votes">
      {notes.map((n) => {
        const r = layout.notes.get(n.id);
        if (!r) return null;
        if (openRound) {
          if (!isVotable(openRound, { id: n.id, kind: n.kind, laneId: n.position.laneId })) {
            return (
              <Rect
                key={n.id}
                name={`vote-dim-${n.id}`}
                x={r.x - 1}
                y={r.y - 1}
                width={r.width + 2}
                height={r.height + 2}
                cornerRadius={8}
                fill={VEIL}
                perfectDrawEnabled={false}
              />
            );
          }
          const count = myDots[n.id] ?? 0;
          if (count === 0) return null;
          const pill = myDotsRect(r, count, k);
          return (
            <Group key={n.id} name={`vote-dots-${n.id}`} x={pill.x} y={pill.y} scaleX={k} scaleY={k}>
              <Rect
                width={pill.width / k}
                height={pill.height / k}
                cornerRadius={pill.height / k / 2}
                fill="#fff"
                stroke="rgba(79,70,229,0.35)"
                strokeWidth={1}
                {...slateShadow(0.12, 4, 1)}
                perfectDrawEnabled={false}
              />
              {Array.from({ length: Math.min(count, MAX_DRAWN_DOTS) }, (_, i) => {
                const c = dotCentre(i);
                return (
                  <Circle
                    key={i}
                    name="vote-dot"
                    x={c.x}
                    y={c.y}
                    radius={DOT_R}
                    fill={DOT_FILL}
                    perfectDrawEnabled={false}
                  />
                );
              })}
              {count > MAX_DRAWN_DOTS && (
                <BoardText
                  x={dotCentre(MAX_DRAWN_DOTS).x - 8}
                  y={3}
                  height={2 * DOT_R}
                  verticalAlign="middle"
                  text={`+${count - MAX_DRAWN_DOTS}`}
                  fontSize={11}
                  fontStyle="bold"
                  fill={DOT_FILL}
                />
              )}
            </Group>
          );
        }
        const total = totals?.[n.id] ?? 0;
        if (total === 0) return null;
        const b = noteBadges(r, { vote: true, comment: commented.has(n.id) }).vote!;
        const R = VOTE_BADGE_D / 2;
        return (
          <Group key={n.id} name={`vote-badge-${n.id}`} x={b.x + R} y={b.y + R}>
            <Circle
              radius={R}
              fill="#1e1b4b"
              stroke="#fff"
              strokeWidth={2.5}
              {...slateShadow(0.25, 6, 2)}
              perfectDrawEnabled={false}
            />
            <BoardText
              name="vote-badge-count"
              x={-R}
              y={-R}
              width={2 * R}
              height={2 * R}
              align="center"
              verticalAlign="middle"
              text={String(total)}
              fontSize={total > 99 ? 10 : 13}
              fontStyle="bold"
              fill="#fff"
            />
          </Group>
        );
      })}
    </Group>
  );
});
