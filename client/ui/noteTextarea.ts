import { type CSSProperties, type KeyboardEvent, type RefObject, useEffect } from 'react';
import { LIMITS } from '../../shared/index.ts';
import type { Rect } from '../geometry/geometry.ts';
import { noteEditorKey } from './noteEditorKeys.ts';

/** Focuses the text box with the caret at the end each time `editing` changes (another note is edited). */
export function useFocusAtEnd(ref: RefObject<HTMLTextAreaElement | null>, editing: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus each time another note is edited
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editing]);
}

/**
 * A note's text box over its sticky `r` (on screen, drawn at scale `s`): the sticky's padding, type
 * and colour, the writing direction of its text, and the note's length limit.
 */
export function noteTextareaProps(r: Rect, s: number, background: string) {
  const style: CSSProperties = {
    left: r.x,
    top: r.y,
    width: r.width,
    height: r.height,
    fontSize: 13.5 * s,
    padding: `${28 * s}px ${12 * s}px ${26 * s}px`,
    borderRadius: 8 * s,
    background,
  };
  return { dir: 'auto', maxLength: LIMITS.noteTextLength, style } as const;
}

/** Keys in a note's text box stay out of the board's shortcuts; the finishing ones (noteEditorKey) call `finish`. */
export function noteTextareaKeys(finish: () => void) {
  return (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation();
    if (noteEditorKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing }) === 'finish') {
      e.preventDefault();
      finish();
    }
  };
}
