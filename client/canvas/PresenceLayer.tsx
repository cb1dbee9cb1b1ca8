import { memo } from 'react';
import { Group, Label, Layer, Path, Rect, Tag } from 'react-konva';
import type { NoteId, Peer } from '../../shared/index.ts';
import type { Rect as R } from '../geometry/geometry.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { THEME } from './theme.ts';
import { BoardText } from './BoardText.tsx';

interface Props {
  readonly layout: BoardLayout;
  readonly peers: readonly Peer[];
  readonly selection: ReadonlySet<NoteId>;
  readonly marquee: R | null;
  readonly scale: number;
  /** False while other people's cursors are hidden (live workshops: quiet work). */
  readonly showCursors?: boolean;
}

/** Selections (mine and others'), who is editing what, the marquee and everyone's cursors. */
export const PresenceLayer = memo(function PresenceLayer({
  layout,
  peers,
  selection,
  marquee,
  scale,
  showCursors = true,
}: Props) {
  const k = 1 / scale; // keep strokes and labels the same size on screen at any zoom
  return (
    <Layer listening={false} name="presence">
      {peers.flatMap((p) =>
        p.selection.map((id) => {
          const r = layout.notes.get(id as NoteId);
          return r ? (
            <Rect
              key={`${p.clientId}:${id}`}
              name="peer-selection"
              x={r.x - 4 * k}
              y={r.y - 4 * k}
              width={r.width + 8 * k}
              height={r.height + 8 * k}
              stroke={p.user.colour}
              strokeWidth={2 * k}
              cornerRadius={10}
              dash={[6 * k, 3 * k]}
            />
          ) : null;
        }),
      )}
      {[...selection].map((id) => {
        const r = layout.notes.get(id);
        return r ? (
          <Rect
            key={id}
            name="selection"
            x={r.x - 3 * k}
            y={r.y - 3 * k}
            width={r.width + 6 * k}
            height={r.height + 6 * k}
            stroke={THEME.selection}
            strokeWidth={2.5 * k}
            cornerRadius={10}
          />
        ) : null;
      })}
      {peers.map((p) => {
        const r = p.editing ? layout.notes.get(p.editing as NoteId) : undefined;
        return r ? (
          <Label key={`edit:${p.clientId}`} name="peer-editing" x={r.x} y={r.y - 6 * k} scaleX={k} scaleY={k}>
            <Tag fill={p.user.colour} cornerRadius={4} pointerDirection="down" pointerWidth={8} pointerHeight={5} />
            <BoardText text={`${p.user.name} is editing`} fill="#fff" fontSize={11} fontStyle="bold" padding={4} />
          </Label>
        ) : null;
      })}
      {marquee && (
        <Rect
          {...marquee}
          name="marquee"
          fill="rgba(37,99,235,0.08)"
          stroke={THEME.selection}
          strokeWidth={k}
          dash={[4 * k, 3 * k]}
        />
      )}
      {peers.map((p) =>
        p.cursor && showCursors ? (
          <Group key={`cursor:${p.clientId}`} name="peer-cursor" x={p.cursor.x} y={p.cursor.y} scaleX={k} scaleY={k}>
            <Path
              data="M0 0 L0 17 L4.5 12.5 L8 20 L11 18.6 L7.6 11.4 L13.5 11.4 Z"
              fill={p.user.colour}
              stroke="#fff"
              strokeWidth={1.2}
            />
            <Label x={12} y={20}>
              <Tag fill={p.user.colour} cornerRadius={4} />
              <BoardText text={p.user.name} fill="#fff" fontSize={11} fontStyle="bold" padding={4} />
            </Label>
          </Group>
        ) : null,
      )}
    </Layer>
  );
});
