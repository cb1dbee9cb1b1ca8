import { memo } from 'react';
import { Group, Path, Rect } from 'react-konva';
import {
  draftCell,
  NOTE_KIND_STYLE,
  type BoardSnapshot,
  type Draft,
  type DraftId,
  type NoteKind,
} from '../../shared/index.ts';
import type { DraftDrag } from '../board/privateWriting/privateWritingSession.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { NOTE_H, NOTE_W } from '../geometry/layout.ts';
import { THEME } from './theme.ts';
import { NoteBodyText } from './shapes/NoteBodyText.tsx';
import { BoardText } from './BoardText.tsx';

interface Props {
  readonly drafts: readonly Draft[];
  readonly board: BoardSnapshot;
  readonly layout: BoardLayout;
  readonly selected: DraftId | null;
  readonly editing: DraftId | null;
  readonly drag: DraftDrag | null;
}

const PRIVATE_INK = '#5b3fc4';
const PAD = 12;

/**
 * My private drafts: drawn only on my screen, in their cells after the
 * notes, with a dashed outline, a lock and "Only you can see this". Nobody else has them.
 */
export const DraftsLayer = memo(function DraftsLayer({ drafts, board, layout, selected, editing, drag }: Props) {
  if (drafts.length === 0) return null;
  const kindOf = (d: Draft): NoteKind => {
    if (d.kind) return d.kind;
    const cell = draftCell(board, d);
    return board.lanes.find((l) => l.id === cell?.laneId)?.kind ?? 'touchpoint';
  };
  return (
    <Group listening={false} name="drafts">
      {drafts.map((d) => {
        const r = layout.drafts.get(d.id);
        if (!r) return null;
        const dragging = drag?.id === d.id;
        return (
          <Group key={d.id}>
            <DraftCard
              draft={d}
              kind={kindOf(d)}
              x={r.x}
              y={r.y}
              selected={selected === d.id}
              hideText={editing === d.id}
              opacity={dragging ? 0.35 : 1}
            />
            {dragging && (
              <DraftCard
                draft={d}
                kind={kindOf(d)}
                x={r.x + drag.offset.x}
                y={r.y + drag.offset.y}
                selected
                opacity={0.9}
              />
            )}
          </Group>
        );
      })}
    </Group>
  );
});

function DraftCard({
  draft,
  kind,
  x,
  y,
  selected,
  opacity,
  hideText = false,
}: {
  draft: Draft;
  kind: NoteKind;
  x: number;
  y: number;
  selected: boolean;
  opacity: number;
  hideText?: boolean;
}) {
  const style = NOTE_KIND_STYLE[kind];
  return (
    <Group x={x} y={y} opacity={opacity} name="draft" id={draft.id}>
      <Rect
        width={NOTE_W}
        height={NOTE_H}
        cornerRadius={8}
        fill={style.colour}
        opacity={0.55}
        perfectDrawEnabled={false}
      />
      <Rect
        width={NOTE_W}
        height={NOTE_H}
        cornerRadius={8}
        stroke={selected ? THEME.selection : PRIVATE_INK}
        strokeWidth={selected ? 2.5 : 1.6}
        dash={[7, 5]}
        perfectDrawEnabled={false}
      />
      <BoardText
        x={PAD}
        y={9}
        text={`${style.icon}  ${style.label.toUpperCase()}`}
        fontSize={9.5}
        fontStyle="bold"
        letterSpacing={0.6}
        fill="rgba(31,36,48,0.55)"
        width={NOTE_W - 2 * PAD - 22}
        oneLine
      />
      <LockGlyph x={NOTE_W - PAD - 14} y={6} />
      {!hideText && <NoteBodyText x={PAD} width={NOTE_W - 2 * PAD} text={draft.text} />}
      <BoardText
        x={PAD}
        y={NOTE_H - 20}
        width={NOTE_W - 2 * PAD}
        text="Only you can see this"
        fontSize={10}
        fontStyle="bold"
        fill={PRIVATE_INK}
        oneLine
      />
    </Group>
  );
}

function LockGlyph({ x, y }: { x: number; y: number }) {
  return (
    <Group x={x} y={y}>
      <Path data="M3.5 7V5a3.5 3.5 0 0 1 7 0v2" stroke={PRIVATE_INK} strokeWidth={1.6} lineCap="round" />
      <Rect x={1.5} y={7} width={11} height={9} cornerRadius={2} fill={PRIVATE_INK} />
    </Group>
  );
}
