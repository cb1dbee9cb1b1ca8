/** "a touchpoint", "an emotion": the indefinite article for an English noun phrase (by its first letter). */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
