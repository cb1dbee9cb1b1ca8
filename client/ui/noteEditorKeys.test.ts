import { describe, expect, it } from 'vitest';
import { finishedNoteText } from '../../shared/index.ts';
import { noteEditorKey } from './noteEditorKeys.ts';

const key = (k: string, mods: { shiftKey?: boolean; isComposing?: boolean } = {}) =>
  noteEditorKey({ key: k, shiftKey: false, isComposing: false, ...mods });

describe('keys in a note', () => {
  it('Enter finishes, Shift+Enter breaks the line', () => {
    expect(key('Enter')).toBe('finish');
    expect(key('Enter', { shiftKey: true })).toBe('type');
    expect(key('Escape')).toBe('finish');
    expect(key('a')).toBe('type');
  });

  it('an Enter that ends an IME composition does not finish the note', () => {
    expect(key('Enter', { isComposing: true })).toBe('type');
  });
});

describe('a finished note keeps no trailing line break', () => {
  it('trims trailing breaks and spaces, keeps the ones inside and in front', () => {
    expect(finishedNoteText('Slow checkout\n')).toBe('Slow checkout');
    expect(finishedNoteText('Slow\ncheckout \r\n\n ')).toBe('Slow\ncheckout');
    expect(finishedNoteText('  indented')).toBe('  indented');
    expect(finishedNoteText('\n')).toBe('');
  });
});
