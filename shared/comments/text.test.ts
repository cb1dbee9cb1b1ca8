import { describe, expect, it } from 'vitest';
import { linkRuns, mentionQueryAt, textRuns } from './text.ts';

describe('comment text runs', () => {
  it('makes http(s) and www links, leaving trailing punctuation as text', () => {
    expect(linkRuns('See https://example.com/a?b=1. Or www.test.io, ok')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', text: 'www.test.io', href: 'https://www.test.io' },
      { kind: 'text', text: ', ok' },
    ]);
  });

  it('never links javascript: or other schemes, and keeps markup as text', () => {
    expect(linkRuns('javascript:alert(1) <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) <img src=x onerror=alert(1)>' },
    ]);
  });

  it('marks @Name of mentioned people, longest names first', () => {
    expect(
      textRuns('@Ann Lee and @Ann, see https://x.io', [
        { id: 'a', name: 'Ann' },
        { id: 'al', name: 'Ann Lee' },
      ]),
    ).toEqual([
      { kind: 'mention', text: '@Ann Lee', personId: 'al' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@Ann', personId: 'a' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'https://x.io', href: 'https://x.io' },
    ]);
  });

  it('finds the @query being typed before the caret', () => {
    expect(mentionQueryAt('Hi @Bo', 6)).toEqual({ start: 3, query: 'Bo' });
    expect(mentionQueryAt('mail@example', 12)).toBeNull();
    expect(mentionQueryAt('Hi @', 4)).toEqual({ start: 3, query: '' });
  });
});
