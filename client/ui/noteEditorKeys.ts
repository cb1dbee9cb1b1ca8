/** What a key does in a note's text box. */
export type NoteEditorKey = 'finish' | 'type';

/**
 * Enter finishes the note (as in Miro and chat tools) and Shift+Enter breaks the line; Escape
 * and Ctrl/⌘+Enter finish too. An Enter that confirms an IME composition (Japanese, Chinese…)
 * belongs to the composition.
 */
export function noteEditorKey(e: {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly isComposing: boolean;
}): NoteEditorKey {
  if (e.key === 'Escape') return 'finish';
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) return 'finish';
  return 'type';
}
