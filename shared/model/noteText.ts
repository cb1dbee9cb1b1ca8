/**
 * A note's text as it is kept once its writer is done: without trailing line breaks or spaces.
 * Enter finishes a note, so a trailing break is nearly always a stray key, and it would show as
 * a two-line CSV cell, a `<br>` in Markdown and a taller PDF row. Leading space and breaks inside
 * the text are the writer's.
 */
export function finishedNoteText(text: string): string {
  return text.replace(/\s+$/u, '');
}

/** How far back from the limit a cut looks for a line break or a space, as a share of the limit. */
const BOUNDARY_WINDOW = 0.2;

/**
 * `text` shortened to at most `limit` characters, cut after the last line break, else the last
 * space, within the final fifth before the limit (a word is never split unless one word is that
 * long). Counts UTF-16 units, as the textarea's maxLength and the server's limit do, and never
 * splits a surrogate pair. `cut` is how many characters were left out (0: it fitted).
 */
export function cutToLimit(text: string, limit: number): { text: string; cut: number } {
  if (text.length <= limit) return { text, cut: 0 };
  let end = limit;
  if (/[\uDC00-\uDFFF]/.test(text[end] ?? '') && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  const floor = Math.floor(end * (1 - BOUNDARY_WINDOW));
  const head = text.slice(0, end);
  const line = head.lastIndexOf('\n');
  const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'));
  const at = line >= floor ? line : space >= floor ? space : end;
  const kept = finishedNoteText(text.slice(0, at));
  return { text: kept, cut: text.length - kept.length };
}

/** Most notes one paste of plain text makes (pasteNotes takes 500). */
export const MAX_PASTED_NOTES = 500;

/**
 * Plain text pasted onto the board as note texts: one per non-blank line, list bullets
 * ("- ", "* ", "• ") dropped, each cut to `limit` at a word boundary; at most MAX_PASTED_NOTES.
 */
export function textToNoteTexts(text: string, limit: number): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*(?:[-*•‣◦]\s+)?/u, '').trim())
    .filter((line) => line !== '')
    .slice(0, MAX_PASTED_NOTES)
    .map((line) => cutToLimit(line, limit).text);
}
