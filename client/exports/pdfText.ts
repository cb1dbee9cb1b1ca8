/**
 * jsPDF's built-in Helvetica covers Windows-1252 only. Characters outside it (CJK, …) would print
 * as garbage, so they print as "?"; the CSV, Markdown and JSON exports keep them. Emoji in the
 * table are drawn with an emoji font (pdfEmoji.ts).
 */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function pdfText(text: string): string {
  return Array.from(text, (c) => (c.codePointAt(0)! <= 0xff || CP1252_EXTRA.has(c) ? c : '?')).join('');
}
