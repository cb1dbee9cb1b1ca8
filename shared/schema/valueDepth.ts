import * as Y from 'yjs';

/**
 * How deep a record field or a `meta` value may nest (arrays, objects, nested Y types). The
 * schema's deepest field (a round's `byDepartment.<d>.totals.<note>`) is 3 levels; the headroom
 * keeps unknown fields of a newer client. Past a few thousand levels `JSON.stringify`, zod and
 * `Y.AbstractType#toJSON` run out of stack, so a deeper value is never kept, imported or exported.
 */
export const MAX_VALUE_DEPTH = 32;

/**
 * Whether `value` nests deeper than `max` levels (a scalar is 0, `[]` and `{}` are 1). Walks
 * without recursion and stops at the first level past `max`, so a hostile value costs at most
 * the part of it within the limit. A Y.Text counts as one level: its content is characters
 * (readers take `toString()`, which skips embeds).
 */
export function nestsDeeperThan(value: unknown, max: number = MAX_VALUE_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    const children = childrenOf(v);
    if (children === null) continue;
    if (depth + 1 > max) return true;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}

function childrenOf(v: unknown): Iterable<unknown> | null {
  if (typeof v !== 'object' || v === null) return null;
  if (v instanceof Y.Text) return [];
  if (v instanceof Y.Map) return v.values();
  if (v instanceof Y.Array) return v.toArray();
  if (v instanceof Y.XmlElement) return [...v.toArray(), ...Object.values(v.getAttributes())];
  if (v instanceof Y.XmlFragment) return v.toArray();
  if (v instanceof Y.AbstractType) return [];
  if (v instanceof Uint8Array) return [];
  if (Array.isArray(v)) return v;
  return Object.values(v);
}
