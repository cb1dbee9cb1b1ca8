import { describe, expect, it } from 'vitest';
import { NOTE_KIND_STYLE, NOTE_KINDS } from '../../shared/index.ts';
import { withArticle } from './articles.ts';

describe('withArticle', () => {
  it('reads right for every note kind', () => {
    expect(NOTE_KINDS.map((k) => withArticle(NOTE_KIND_STYLE[k].label.toLowerCase()))).toEqual([
      'a touchpoint',
      'a customer action',
      'a thought',
      'an emotion',
      'a pain point',
      'an opportunity',
    ]);
  });
});
