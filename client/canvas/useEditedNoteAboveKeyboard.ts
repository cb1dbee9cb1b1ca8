import { type RefObject, useEffect, useRef } from 'react';
import type { BoardSession } from '../board/BoardSession.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { keepAboveKeyboard } from '../geometry/touchGeometry.ts';

/**
 * While a note is edited, the part of the page the on-screen keyboard leaves visible
 * (visualViewport) shrinks: the board scrolls so the note stays in it, above the keyboard.
 * On a desktop the visual viewport only changes with the window, and a note in view stays put.
 */
export function useEditedNoteAboveKeyboard(
  session: BoardSession,
  container: RefObject<HTMLDivElement | null>,
  layout: BoardLayout,
): void {
  const latest = useRef(layout);
  latest.current = layout;
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const follow = () => {
      const { editing, camera } = session.editor.get();
      const el = container.current;
      const note = editing && latest.current.notes.get(editing);
      if (!el || !note) return;
      const box = el.getBoundingClientRect();
      const top = Math.max(0, viewport.offsetTop - box.top);
      const bottom = Math.min(el.clientHeight, viewport.offsetTop + viewport.height - box.top);
      const next = keepAboveKeyboard(camera, note, top, bottom);
      if (next !== camera) session.editor.update({ camera: next });
    };
    viewport.addEventListener('resize', follow);
    viewport.addEventListener('scroll', follow);
    return () => {
      viewport.removeEventListener('resize', follow);
      viewport.removeEventListener('scroll', follow);
    };
  }, [session, container]);
}
