import { useEffect, useLayoutEffect, useRef } from 'react';
import { LIMITS, noteColour } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { finishEditing } from '../board/noteActions.ts';
import { layoutFor } from '../canvas/layoutCache.ts';
import { shiftCaret } from './caret.ts';
import { noteEditorKey } from './noteEditorKeys.ts';
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

  // A colleague typing in the same note changes the value under my caret: keep the caret where
  // it was relative to my text (a change before it shifts it, a change after it doesn't).
  const text = note?.text ?? '';
  const shown = useRef({ text, start: 0, end: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    const prev = shown.current;
    if (el && prev.text !== text && document.activeElement === el && el.value === text) {
      const start = shiftCaret(prev.text, text, prev.start);
      const end = shiftCaret(prev.text, text, prev.end);
      el.setSelectionRange(start, end);
    }
    shown.current = { text, start: el?.selectionStart ?? 0, end: el?.selectionEnd ?? 0 };
  });

  if (!note || !rect) return null;
  const r = screenRect(camera, rect);
  const s = camera.scale;
  const close = () => finishEditing(session);
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
      onChange={(e) => {
        shown.current = { text: e.target.value, start: e.target.selectionStart, end: e.target.selectionEnd };
        session.run('editNoteText', { noteId: note.id, text: e.target.value });
      }}
      onSelect={(e) => {
        const el = e.currentTarget;
        shown.current = { text: el.value, start: el.selectionStart, end: el.selectionEnd };
      }}
      onBlur={close}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (noteEditorKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing }) === 'finish') {
          e.preventDefault();
          close();
        }
      }}
    />
  );
}

