/**
 * Cells that a spreadsheet would run as a formula (CSV injection, OWASP): starting with = + - @,
 * tab or carriage return. Papa Parse's own `escapeFormulae: true` pattern ends in `.*$` without
 * the `s` flag, so a cell like "=1+1\nmore" (a note with a line break) would slip through; this
 * one looks at the first character only. Exports neutralise such a cell (export/csv.ts); imports
 * refuse it, naming the line, rather than rewrite what someone will export again.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text cell would run as a formula; a plain signed number ("-3", "+4.5") is not text. */
export function startsLikeFormula(cell: string, isNumber: (s: string) => boolean): boolean {
  return FORMULA_START.test(cell) && !isNumber(cell);
}
