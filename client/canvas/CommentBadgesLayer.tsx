import { memo } from 'react';
import { Group, Path, Rect } from 'react-konva';
import type { NoteId } from '../../shared/index.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { noteBadges } from '../geometry/noteBadges.ts';
import { THEME } from './theme.ts';
import { BoardText } from './BoardText.tsx';

interface Props {
  readonly layout: BoardLayout;
  /** Open threads per note. */
  readonly counts: ReadonlyMap<NoteId, number>;
  /** Notes with a thread I have not read: their badge is orange. */
  readonly unread: ReadonlySet<NoteId>;
  /** A note to point out (from the comments panel or the arrival summary). */
  readonly highlight: string | null;
  /** Notes that show a vote total too: their comment badge sits left of it (noteBadges.ts). */
  readonly voted: (id: NoteId) => boolean;
}

const BUBBLE = 'M3 2 h10 a2 2 0 0 1 2 2 v6 a2 2 0 0 1 -2 2 h-6 l-3 3 v-3 h-1 a2 2 0 0 1 -2 -2 v-6 a2 2 0 0 1 2 -2 z';

/** Open-thread badges on notes (`comment-badge-<noteId>`) and the "here it is" ring. Dumb: props in, shapes out. */
export const CommentBadgesLayer = memo(function CommentBadgesLayer({
  layout,
  counts,
  unread,
  highlight,
  voted,
}: Props) {
  const ring = highlight ? layout.notes.get(highlight as NoteId) : undefined;
  return (
    <Group listening={false} name="comment-badges">
      {ring && (
        <Rect
          name="comment-highlight"
          x={ring.x - 7}
          y={ring.y - 7}
          width={ring.width + 14}
          height={ring.height + 14}
          stroke="#f59e0b"
          strokeWidth={4}
          cornerRadius={12}
          shadowColor="#f59e0b"
          shadowBlur={14}
          shadowOpacity={0.6}
        />
      )}
      {[...counts].map(([id, count]) => {
        const r = layout.notes.get(id);
        if (!r) return null;
        const b = noteBadges(r, { vote: voted(id), comment: true }).comment!;
        const fill = unread.has(id) ? '#ea580c' : THEME.selection;
        return (
          <Group key={id} name={`comment-badge-${id}`} x={b.x} y={b.y}>
            <Rect
              width={b.width}
              height={b.height}
              cornerRadius={b.height / 2}
              fill={fill}
              stroke="#fff"
              strokeWidth={2}
              shadowColor="rgba(15,23,42,0.35)"
              shadowBlur={4}
              shadowOffsetY={1}
            />
            <Path data={BUBBLE} x={6} y={4} fill="#fff" scaleX={0.85} scaleY={0.85} />
            <BoardText text={String(count)} x={20} y={5} fontSize={12} fontStyle="bold" fill="#fff" />
          </Group>
        );
      })}
    </Group>
  );
});
