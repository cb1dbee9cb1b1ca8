/** Where a caret at `at` in `before` belongs in `after`: moved by the length of a change before it. */
export function shiftCaret(before: string, after: string, at: number): number {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  if (at <= prefix) return at;
  return Math.max(prefix, Math.min(after.length, at + after.length - before.length));
}
