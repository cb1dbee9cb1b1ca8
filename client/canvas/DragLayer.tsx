import { memo } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import type { BoardSnapshot, NoteId } from '../../shared/index.ts';
import { useEditor } from '../board/hooks.ts';
import { stageAtCamera } from '../geometry/camera.ts';
import { cellRect } from '../geometry/hitTest.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { BlittedNotes, type PlacedNote } from './BlittedNotes.tsx';
import { cacheRatioFor } from './NotesLayer.tsx';
import { DEFAULT_LOOK } from './shapes/noteNode.ts';
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
      <DragLayer {...props} ratio={cacheRatioFor(camera.scale, window.devicePixelRatio || 1)} />
    </Stage>
  );
}

/**
 * What is being dragged, on its own layer so a drag frame redraws only these few shapes. It reads
 * the drag offset itself: a pointer move re-renders this layer, not the whole canvas. The dragged
 * notes are blitted from their bitmaps (BlittedNotes.tsx), drawn once at the drag's start.
 */
const DragLayer = memo(function DragLayer({ board, layout, ids, ratio }: Props & { readonly ratio: number }) {
  const offset = useEditor((s) => s.drag?.offset ?? null);
  const target = useEditor((s) => s.drag?.target ?? null);
  const cell = target && cellRect(layout, target.stageId, target.laneId);
  const dragged: PlacedNote[] = [];
  for (const id of offset ? ids : []) {
    const note = board.notesById.get(id);
    const r = layout.notes.get(id);
    if (note && r)
      dragged.push({ look: { ...DEFAULT_LOOK, note }, x: r.x + offset!.x, y: r.y + offset!.y, opacity: 0.88 });
  }
  return (
    <Layer listening={false} name="drag">
      {cell && <Rect {...cell} fill={THEME.dropFill} stroke={THEME.selection} strokeWidth={2} dash={DASH} />}
      <BlittedNotes notes={dragged} ratio={ratio} />
    </Layer>
  );
});

const DASH = [8, 5];
