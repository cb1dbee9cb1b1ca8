import { memo } from 'react';
import { Layer } from 'react-konva';
import type { Note } from '../../shared/index.ts';
import type { BoardLayout } from './layout.ts';
import { NoteShape } from './shapes/NoteShape.tsx';

interface Props {
  /** Only the notes in or near the viewport, without the ones being dragged. */
  readonly notes: readonly Note[];
  readonly layout: BoardLayout;
}

export const NotesLayer = memo(function NotesLayer({ notes, layout }: Props) {
  return (
    <Layer listening={false} name="notes">
      {notes.map((n) => {
        const r = layout.notes.get(n.id);
        return r ? <NoteShape key={n.id} note={n} x={r.x} y={r.y} /> : null;
      })}
    </Layer>
  );
});
