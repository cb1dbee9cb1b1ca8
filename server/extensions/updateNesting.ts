import * as Y from 'yjs';
import { nestsDeeperThan } from '../../shared/schema/valueDepth.ts';

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * Whether a decoded update writes anything more than `max` levels below a root type of `doc`:
 * a nested Y type, or a plain value (array, object, embed, format attribute) whose own nesting
 * plus the depth of the type it goes into passes `max`. A root's entry is 1 level deep.
 *
 * Why before the update is applied: Yjs integrates, garbage-collects and observes nested types
 * recursively (and fires one event per ancestor per changed type), so a chain of a few thousand
 * maps overflows the stack on the server and in every client; removing it afterwards is itself
 * recursive. Cost: one pass over the update's structs, each parent looked up once.
 *
 * A struct whose parent the server has not received yet (pending) counts from depth 0: the
 * update that brings the parent is checked for its own part only.
 */
export function updateNestsDeeperThan(doc: Y.Doc, structs: readonly Struct[], max: number): boolean {
  const depthOf = parentDepths(doc, structs);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const c = s.content;
    // Text, deletions and scalars add no level: only a type or an object or array can pass the limit.
    if (c instanceof Y.ContentType) {
      if (depthOf(s) + 1 > max) return true;
      continue;
    }
    const values =
      c instanceof Y.ContentAny || c instanceof Y.ContentJSON
        ? c.arr
        : c instanceof Y.ContentEmbed
          ? [c.embed]
          : c instanceof Y.ContentFormat
            ? [c.value]
            : [];
    const objects = values.filter((v) => typeof v === 'object' && v !== null);
    if (objects.length === 0) continue;
    const room = max - depthOf(s);
    if (objects.some((v) => nestsDeeperThan(v, room))) return true;
  }
  return false;
}

/** How many types lie between an update's item and its root (0: the item is a root's entry). */
function parentDepths(doc: Y.Doc, structs: readonly Struct[]): (item: Y.Item) => number {
  // Built on first use: most updates hold no type and no object, and need no parent at all.
  let byClient: Map<number, Struct[]> | null = null;
  const index = (): Map<number, Struct[]> => {
    const built = new Map<number, Struct[]>();
    for (const s of structs) {
      const list = built.get(s.id.client) ?? [];
      list.push(s);
      built.set(s.id.client, list);
    }
    for (const list of built.values()) list.sort((a, b) => a.id.clock - b.id.clock);
    return built;
  };
  const inUpdate = (id: Y.ID): Y.Item | null => {
    byClient ??= index();
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Item ? s : null;
    }
    return null;
  };
  const inDoc = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    try {
      const s = Y.getItem(doc.store, id);
      return s instanceof Y.Item ? s : null;
    } catch {
      return null;
    }
  };

  const memo = new Map<Y.Item, number>();
  type Step = { readonly item: Y.Item; readonly plus: number } | { readonly depth: number };
  // One step towards the root: to another item of the update (its parent type's item, +1, or an
  // item beside it, +0), or a depth known from the document.
  const stepUp = (item: Y.Item): Step => {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { depth: 0 };
    if (parent instanceof Y.ID) {
      const typeItem = inUpdate(parent);
      if (typeItem) return { item: typeItem, plus: 1 };
      const existing = inDoc(parent);
      return { depth: existing?.content instanceof Y.ContentType ? typeDepth(existing.content.type) : 0 };
    }
    const beside = item.origin ?? item.rightOrigin;
    if (!beside) return { depth: 0 };
    const sibling = inUpdate(beside);
    if (sibling && sibling !== item) return { item: sibling, plus: 0 };
    const existing = inDoc(beside);
    return { depth: existing ? typeDepth(existing.parent as Y.AbstractType<unknown>) : 0 };
  };

  return (start) => {
    const chain: { item: Y.Item; plus: number }[] = [];
    const onChain = new Set<Y.Item>();
    let item = start;
    let depth = 0;
    for (;;) {
      const known = memo.get(item);
      if (known !== undefined) {
        depth = known;
        break;
      }
      const step = stepUp(item);
      // A cycle (only a forged update has one) ends the walk: Yjs will not integrate it anyway.
      if ('depth' in step || onChain.has(step.item)) {
        depth = 'depth' in step ? step.depth : 0;
        memo.set(item, depth);
        break;
      }
      chain.push({ item, plus: step.plus });
      onChain.add(item);
      item = step.item;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      depth += chain[i]!.plus;
      memo.set(chain[i]!.item, depth);
    }
    return depth;
  };
}

/** How many types contain `type` and it, up to its root (a root is 0). */
function typeDepth(type: Y.AbstractType<unknown> | null): number {
  let depth = 0;
  for (let t = type; t?._item; t = t._item.parent as Y.AbstractType<unknown>) depth++;
  return depth;
}
