import { memo, useEffect } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import type { BoardSnapshot, NoteId } from '../../shared/index.ts';
import { useEditor } from '../board/hooks.ts';
import { stageAtCamera } from '../geometry/camera.ts';
import { cellRect } from '../geometry/hitTest.ts';
import { pauseCaching } from './idleCache.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { NoteShape } from './shapes/NoteShape.tsx';
import { THEME } from './theme.ts';

interface Props {
  readonly board: BoardSnapshot;
  readonly layout: BoardLayout;
  readonly ids: ReadonlySet<NoteId>;
}

/**
 * The drag layer on a stage of its own, the size of the canvas, at the camera: the board's stage is
 * drawn with a pan margin (useDrawnCamera.ts), and a drag frame would clear and composite a canvas
 * twice the size (drag frames measured 2-3 times slower on it).
 */
export function DragStage({ viewport, ...props }: Props & { readonly viewport: { width: number; height: number } }) {
  const camera = useEditor((s) => s.camera);
  return (
    <Stage
      {...stageAtCamera(camera, viewport)}
      listening={false}
      style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
    >
      <DragLayer {...props} />
    </Stage>
  );
}

/**
 * What is being dragged, on its own layer so a drag frame redraws only these few shapes. It reads
 * the drag offset itself: a pointer move re-renders this layer, not the whole canvas. While it is
 * up, notes wait with their bitmap caching (a few ms each) so that no frame of the drag does it.
 */
const DragLayer = memo(function DragLayer({ board, layout, ids }: Props) {
  const offset = useEditor((s) => s.drag?.offset ?? null);
  const target = useEditor((s) => s.drag?.target ?? null);
  useEffect(() => pauseCaching(), []);
  const cell = target && cellRect(layout, target.stageId, target.laneId);
  return (
    <Layer listening={false} name="drag">
      {cell && <Rect {...cell} fill={THEME.dropFill} stroke={THEME.selection} strokeWidth={2} dash={DASH} />}
      {offset &&
        [...ids].map((id) => {
          const note = board.notesById.get(id);
          const r = layout.notes.get(id);
          return note && r ? (
            <NoteShape key={id} note={note} x={r.x + offset.x} y={r.y + offset.y} opacity={0.88} />
          ) : null;
        })}
    </Layer>
  );
});

const DASH = [8, 5];
