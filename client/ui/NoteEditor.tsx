import { useEffect, useRef } from 'react';
import { LIMITS, noteColour } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { layoutFor } from '../canvas/layoutCache.ts';
import { screenRect } from './overlayPosition.ts';

/**
 * Edits a note's text in a textarea placed exactly over its sticky. Every keystroke is a diff
 * into the note's Y.Text, so colleagues see the typing live and concurrent typists merge.
 */
export function NoteEditor() {
  const session = useSession();
  const board = useBoard();
  const editing = useEditor((s) => s.editing);
  const camera = useEditor((s) => s.camera);
  const ref = useRef<HTMLTextAreaElement>(null);
  const note = editing ? board.notesById.get(editing) : undefined;
  const rect = editing ? layoutFor(board).notes.get(editing) : undefined;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editing]);

  if (!note || !rect) return null;
  const r = screenRect(camera, rect);
  const s = camera.scale;
  const close = () => {
    session.model.endStep();
    session.editor.update({ editing: null });
  };
  return (
    <textarea
      ref={ref}
      className="note-editor"
      data-testid="note-editor"
      aria-label="Note text"
      maxLength={LIMITS.noteTextLength}
      value={note.text}
      placeholder="What happens here?"
      style={{
        left: r.x,
        top: r.y,
        width: r.width,
        height: r.height,
        fontSize: 13.5 * s,
        padding: `${28 * s}px ${12 * s}px ${26 * s}px`,
        borderRadius: 8 * s,
        background: noteColour(note),
      }}
      onChange={(e) => session.run('editNoteText', { noteId: note.id, text: e.target.value })}
      onBlur={close}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          close();
        }
      }}
    />
  );
}
