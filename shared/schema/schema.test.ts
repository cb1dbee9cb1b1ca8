import { describe, expect, it } from 'vitest';
import { DEPARTMENT_STYLE, DEPARTMENTS } from './department.ts';
import { isRecordId, newId, randomId, recordTypeOf } from './ids.ts';
import { noteColour } from './note.ts';
import { NOTE_KIND_STYLE, NOTE_KINDS, SENTIMENT_LABEL, sentimentSchema } from './noteKind.ts';

describe('record ids', () => {
  it('are `<type>:<16 base-36 characters>`, so the type is readable from the key', () => {
    const id = newId('note');
    expect(id).toMatch(/^note:[0-9a-z]{16}$/);
    expect(recordTypeOf(id)).toBe('note');
    expect(recordTypeOf('persona:x')).toBe('persona');
    expect(recordTypeOf('round:x')).toBe('round');
    expect(recordTypeOf('kpi:x')).toBe('kpi');
    expect(recordTypeOf('vote:x')).toBeUndefined();
    expect(recordTypeOf('nocolon')).toBeUndefined();
    expect(randomId(4)).toMatch(/^[0-9a-z]{4}$/);
  });

  it('isRecordId checks the prefix and a non-empty rest', () => {
    expect(isRecordId('stage', 'stage:a')).toBe(true);
    expect(isRecordId('stage', 'stage:')).toBe(false);
    expect(isRecordId('stage', 'lane:a')).toBe(false);
    expect(isRecordId('stage', 42)).toBe(false);
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId('stage')));
    expect(ids.size).toBe(2000);
  });
});

describe('colours, kinds, sentiment and departments', () => {
  it('a note without its own colour takes the colour of its kind', () => {
    for (const kind of NOTE_KINDS) expect(noteColour({ kind, colour: null })).toBe(NOTE_KIND_STYLE[kind].colour);
    expect(noteColour({ kind: 'pain', colour: '#000000' })).toBe('#000000');
  });

  it('kinds and departments are told apart without colour (icon, letter mark)', () => {
    const icons = NOTE_KINDS.map((k) => NOTE_KIND_STYLE[k].icon);
    expect(new Set(icons).size).toBe(NOTE_KINDS.length);
    const marks = DEPARTMENTS.map((d) => DEPARTMENT_STYLE[d].mark);
    expect(new Set(marks).size).toBe(DEPARTMENTS.length);
  });

  it('sentiment is an integer from -2 to 2, each with a label', () => {
    for (const s of [-2, -1, 0, 1, 2]) {
      expect(sentimentSchema.safeParse(s).success).toBe(true);
      expect(SENTIMENT_LABEL[s]).toBeDefined();
    }
    for (const s of [-3, 3, 0.5, '1']) expect(sentimentSchema.safeParse(s).success).toBe(false);
  });
});
