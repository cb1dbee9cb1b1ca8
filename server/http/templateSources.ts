import type { IncomingMessage } from 'node:http';
import { HELD_LINKS_HEADER, parseHeldLinks, type TemplateInfo } from '../../shared/protocol/http.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';

/**
 * Saved templates as one caller may see them: `sourceBoardId` kept only where the caller proved
 * that board's facilitator link (HELD_LINKS_HEADER), or for the operator. A board id is the
 * first half of every wrong-token attempt, so it is not handed to whoever asks.
 */
export async function withSourcesShownTo(
  saved: readonly TemplateInfo[],
  req: IncomingMessage,
  { links, operator }: { links: ShareLinks; operator: boolean },
): Promise<TemplateInfo[]> {
  if (operator) return [...saved];
  const header = req.headers[HELD_LINKS_HEADER];
  const held = parseHeldLinks(Array.isArray(header) ? header.join(',') : header);
  const facilitated = new Set<string>();
  for (const source of new Set(saved.map((t) => t.sourceBoardId))) {
    const token = source === undefined ? undefined : held.get(source);
    if (token && (await links.roleOf(source!, token)) === 'facilitator') facilitated.add(source!);
  }
  return saved.map(({ sourceBoardId, ...rest }) =>
    sourceBoardId !== undefined && facilitated.has(sourceBoardId) ? { ...rest, sourceBoardId } : rest,
  );
}
