import { useLayoutEffect, useRef, useState } from 'react';
import { cutToLimit, LIMITS, noteColour } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { READABLE_SCALE } from '../geometry/openingView.ts';
import { finishEditing } from '../board/noteActions.ts';
import { shiftCaret } from './caret.ts';
import { noteTextareaKeys, noteTextareaProps, useFocusAtEnd } from './noteTextarea.ts';
import { LimitStatus } from './LimitStatus.tsx';
import { readableBox, screenRect } from './overlayPosition.ts';

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
  // Said where the person is typing when a paste did not fit; cleared for the next note.
  const [pasteCut, setPasteCut] = useState<{ note: string; cut: number } | null>(null);
  const note = editing ? board.notesById.get(editing) : undefined;
  const rect = editing ? session.layouts.layoutFor(board).notes.get(editing) : undefined;

  useFocusAtEnd(ref, editing);

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
  // Below a readable zoom the editor grows around the note, so what is typed is 11 px or more.
  const s = Math.max(camera.scale, READABLE_SCALE);
  const r = readableBox(screenRect(camera, rect), camera.scale, s);
  const close = () => finishEditing(session);
  const limit = LIMITS.noteTextLength;
  return (
    <>
      <textarea
        ref={ref}
        className="note-editor"
        data-testid="note-editor"
        aria-label="Note text"
        value={note.text}
        placeholder="What happens here?"
        {...noteTextareaProps(r, s, noteColour(note))}
        onChange={(e) => {
          shown.current = { text: e.target.value, start: e.target.selectionStart, end: e.target.selectionEnd };
          session.run('editNoteText', { noteId: note.id, text: e.target.value });
        }}
        onSelect={(e) => {
          const el = e.currentTarget;
          shown.current = { text: el.value, start: el.selectionStart, end: el.selectionEnd };
        }}
        onPaste={(e) => {
          // The browser would drop whatever passes maxLength, mid-word and without a word: cut at
          // a line or word boundary instead, and say so.
          const el = e.currentTarget;
          const [start, end] = [el.selectionStart, el.selectionEnd];
          const room = limit - (el.value.length - (end - start));
          const pasted = e.clipboardData.getData('text/plain');
          if (pasted.length <= room) return;
          e.preventDefault();
          const fitted = cutToLimit(pasted, Math.max(0, room));
          const value = el.value.slice(0, start) + fitted.text + el.value.slice(end);
          session.run('editNoteText', { noteId: note.id, text: value });
          setPasteCut({ note: note.id, cut: fitted.cut });
          const caret = start + fitted.text.length;
          requestAnimationFrame(() => el.setSelectionRange(caret, caret));
        }}
        onBlur={close}
        onKeyDown={noteTextareaKeys(close)}
      />
      <LimitStatus
        length={note.text.length}
        limit={limit}
        cut={pasteCut?.note === note.id ? pasteCut.cut : 0}
        style={{ left: r.x, top: r.y + r.height + 4, width: Math.max(r.width, 260) }}
      />
    </>
  );
}
