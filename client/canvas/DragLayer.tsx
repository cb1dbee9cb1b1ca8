import { Layer, Rect } from 'react-konva';
import type { BoardSnapshot, NoteId } from '../../shared/index.ts';
import type { Point } from './geometry.ts';
import { cellRect, type DropTarget } from './hitTest.ts';
import type { BoardLayout } from './layout.ts';
import { NoteShape } from './shapes/NoteShape.tsx';
import { THEME } from './theme.ts';

interface Props {
  readonly board: BoardSnapshot;
  readonly layout: BoardLayout;
  readonly ids: ReadonlySet<NoteId>;
  readonly offset: Point;
  readonly target: DropTarget | null;
}

/** What is being dragged, on its own layer so a drag frame redraws only these few shapes. */
export function DragLayer({ board, layout, ids, offset, target }: Props) {
  const cell = target && cellRect(layout, target.stageId, target.laneId);
  return (
    <Layer listening={false} name="drag">
      {cell && <Rect {...cell} fill={THEME.dropFill} stroke={THEME.selection} strokeWidth={2} dash={[8, 5]} />}
      {[...ids].map((id) => {
        const note = board.notesById.get(id);
        const r = layout.notes.get(id);
        return note && r ? <NoteShape key={id} note={note} x={r.x + offset.x} y={r.y + offset.y} opacity={0.88} /> : null;
      })}
    </Layer>
  );
}
