import { describe, expect, it } from 'vitest';
import { directionProps, textDirection } from './textDirection.ts';

describe('a note’s text direction follows its first letter', () => {
  it('Arabic and Hebrew read right to left; Latin, digits-first and empty text left to right', () => {
    expect(textDirection('التوصيل بطيء جدا')).toBe('rtl');
    expect(textDirection('המשלוח איטי')).toBe('rtl');
    expect(textDirection('2024: التوصيل')).toBe('rtl'); // digits are not strong
    expect(textDirection('Checkout التوصيل')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });

  it('right-to-left text is right-aligned on the canvas', () => {
    expect(directionProps('التوصيل')).toEqual({ direction: 'rtl', align: 'right' });
    expect(directionProps('Slow')).toEqual({ direction: 'ltr', align: 'left' });
  });
});
