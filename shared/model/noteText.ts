/**
 * A note's text as it is kept once its writer is done: without trailing line breaks or spaces.
 * Enter finishes a note, so a trailing break is nearly always a stray key, and it would show as
 * a two-line CSV cell, a `<br>` in Markdown and a taller PDF row. Leading space and breaks inside
 * the text are the writer's.
 */
export function finishedNoteText(text: string): string {
  return text.replace(/\s+$/u, '');
}
