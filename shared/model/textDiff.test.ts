import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPrng } from '../testing/prng.ts';
import { applyTextDiff } from './textDiff.ts';

type Delta = { insert?: unknown; delete?: number; retain?: number }[];

/** A Y.Text holding `initial`, and the deltas that later changes produce. */
function text(initial: string) {
  const doc = new Y.Doc();
  const ytext = doc.getText('t');
  ytext.insert(0, initial);
  const deltas: Delta[] = [];
  ytext.observe((e) => deltas.push(e.delta as Delta));
  // One transaction per edit, as inside a command.
  const apply = (next: string) => doc.transact(() => applyTextDiff(ytext, next));
  return { doc, ytext, deltas, apply };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Positions (in `before`) where a delta cuts: each must not fall between a high and a low surrogate. */
function cutsOf(delta: Delta): number[] {
  const cuts: number[] = [];
  let at = 0;
  for (const op of delta) {
    if (op.retain) at += op.retain;
    else if (op.delete) {
      cuts.push(at);
      at += op.delete;
    }
    cuts.push(at);
  }
  return cuts;
}

describe('applyTextDiff', () => {
  it('makes the minimal change: one insert where the person typed', () => {
    const { ytext, deltas, apply } = text('hello world');
    apply('hello brave world');
    expect(ytext.toString()).toBe('hello brave world');
    expect(deltas).toEqual([[{ retain: 6 }, { insert: 'brave ' }]]);
  });

  it('makes the minimal change: one delete for a removed word', () => {
    const { deltas, apply } = text('hello brave world');
    apply('hello world');
    expect(deltas).toEqual([[{ retain: 6 }, { delete: 6 }]]);
  });

  it('a replacement in the middle is one delete plus one insert at the same place', () => {
    const { ytext, deltas, apply } = text('pay by card today');
    apply('pay by invoice today');
    expect(ytext.toString()).toBe('pay by invoice today');
    expect(deltas).toEqual([[{ retain: 7 }, { delete: 4 }, { insert: 'invoice' }]]);
  });

  it('writes nothing when the text is unchanged', () => {
    const { doc, apply } = text('same');
    let updates = 0;
    doc.on('update', () => updates++);
    apply('same');
    expect(updates).toBe(0);
  });

  it('never splits a surrogate pair: replacing one emoji with another that shares its high half', () => {
    const { ytext, deltas, apply } = text('a😀b');
    apply('a😃b');
    expect(ytext.toString()).toBe('a😃b');
    expect(deltas).toEqual([[{ retain: 1 }, { delete: 2 }, { insert: '😃' }]]);
  });

  it('never splits a surrogate pair: emoji sharing the low half', () => {
    const { ytext, deltas, apply } = text('\u{1F600}'); // D83D DE00
    apply('\u{1F200}'); // D83C DE00
    expect(ytext.toString()).toBe('\u{1F200}');
    expect(deltas).toEqual([[{ delete: 2 }, { insert: '\u{1F200}' }]]);
  });

  it('never splits a surrogate pair (random edits over text full of emoji)', () => {
    const random = createPrng(2024);
    const alphabet = ['a', 'b', ' ', '😀', '😃', '😄', '🈀', '👍🏽', 'é'];
    const word = (n: number) => Array.from({ length: n }, () => random.pick(alphabet)).join('');
    for (let i = 0; i < 500; i++) {
      const before = word(random.int(0, 8));
      const after = word(random.int(0, 8));
      const { ytext, deltas, apply } = text(before);
      apply(after);
      expect(ytext.toString()).toBe(after);
      for (const delta of deltas) {
        for (const cut of cutsOf(delta)) {
          expect(
            isHigh(before.charCodeAt(cut - 1)) && isLow(before.charCodeAt(cut)),
            `${before} → ${after} cut at ${cut}`,
          ).toBe(false);
        }
        for (const op of delta) {
          if (typeof op.insert !== 'string') continue;
          expect(isLow(op.insert.charCodeAt(0)) || isHigh(op.insert.charCodeAt(op.insert.length - 1))).toBe(false);
        }
      }
    }
  });

  it.each([
    [
      'concurrent edits at different places in one note both survive',
      'The quick fox',
      'The quick brown fox',
      'The quick fox jumps',
      'The quick brown fox jumps',
    ],
    [
      'a concurrent delete and an insert elsewhere both survive',
      'Long checkout, hidden fees',
      'Long checkout',
      'Very long checkout, hidden fees',
      'Very long checkout',
    ],
  ])('%s', (_, start, mine, theirs, merged) => {
    const a = text(start);
    const b = text('');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    applyTextDiff(a.ytext, mine);
    applyTextDiff(b.ytext, theirs);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.ytext.toString()).toBe(merged);
    expect(b.ytext.toString()).toBe(merged);
  });
});
