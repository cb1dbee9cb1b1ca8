/**
 * Comment text as the UI renders it: plain text cut into runs of text, links and mentions. The
 * UI makes each run a text node or an element (never HTML), so a comment cannot inject markup.
 */
export type TextRun =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | { readonly kind: 'mention'; readonly text: string; readonly personId: string };

// http(s) links and bare www. links; trailing punctuation stays text ("see https://x.io.").
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function linkRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    let url = m[0];
    const trail = TRAILING.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trail.length);
    const start = m.index;
    if (start > last) runs.push({ kind: 'text', text: text.slice(last, start) });
    const href = url.toLowerCase().startsWith('www.') ? `https://${url}` : url;
    runs.push({ kind: 'link', text: url, href });
    last = start + url.length;
  }
  if (last < text.length) runs.push({ kind: 'text', text: text.slice(last) });
  return runs;
}

/** Links, then `@Name` of the mentioned people (longest names first) inside the text runs. */
export function textRuns(text: string, mentioned: readonly { id: string; name: string }[]): TextRun[] {
  const names = [...mentioned].sort((a, b) => b.name.length - a.name.length);
  let runs = linkRuns(text);
  for (const person of names) {
    const token = `@${person.name}`;
    runs = runs.flatMap((run): TextRun[] => {
      if (run.kind !== 'text' || !run.text.includes(token)) return [run];
      const parts = run.text.split(token);
      return parts.flatMap((part, i): TextRun[] => [
        ...(i > 0 ? [{ kind: 'mention', text: token, personId: person.id } as const] : []),
        ...(part ? [{ kind: 'text', text: part } as const] : []),
      ]);
    });
  }
  return runs;
}

/** The `@partial` being typed just before the caret, for the autocomplete; null when none. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([^\s@]{0,30})$/.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}
