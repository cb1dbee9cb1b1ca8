import { describe, expect, it } from 'vitest';
import { shiftCaret } from './caret.ts';

describe('caret kept in place when a colleague edits the same note', () => {
  it('a change after the caret leaves it alone', () => {
    expect(shiftCaret('Hello world', 'Hello world!!', 5)).toBe(5);
  });
  it('an insertion before the caret moves it right by the inserted length', () => {
    expect(shiftCaret('Hello world', 'Oh, Hello world', 6)).toBe(10);
  });
  it('a deletion before the caret moves it left, never before the change', () => {
    expect(shiftCaret('Hello big world', 'Hello world', 13)).toBe(9);
    expect(shiftCaret('abcdef', 'af', 3)).toBe(1);
  });
});
