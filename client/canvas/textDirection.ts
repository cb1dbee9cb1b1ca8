/** Scripts written right to left that people put on journey notes. */
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

/**
 * A text's direction by its first strong (letter) character, as `dir="auto"` decides it in
 * HTML: a canvas has no such thing, so the notes layer asks this.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = LETTER.exec(text)?.[0];
  return first !== undefined && RTL.test(first) ? 'rtl' : 'ltr';
}

/** The Konva Text props that lay a text out in its own direction. */
export function directionProps(text: string): { direction: 'ltr' | 'rtl'; align: 'left' | 'right' } {
  const direction = textDirection(text);
  return { direction, align: direction === 'rtl' ? 'right' : 'left' };
}
