import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { LinkRotated } from '../../shared/protocol/closeReasons.ts';
import { parseDocumentName, type Role } from '../../shared/protocol/roles.ts';
import { log } from '../observability/log.ts';
import type { AccessContext } from './AccessContext.ts';
import type { ShareLinks } from './ShareLinks.ts';

/**
 * Closes every connection, on every document of `boardId`, that came in with `role`'s link; used
 * after a rotation. Each provider receives a close message with reason `link-rotated`.
 */
export function disconnectRole(instance: Hocuspocus, boardId: string, role: Role): number {
  let closed = 0;
  for (const [name, document] of instance.documents) {
    if (parseDocumentName(name).boardId !== boardId) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<AccessContext>;
      // By the link it came in with: a guest's editor link, read as a commenter's, goes too; a
      // signed-in member who came back without any link stays (remove them by name instead).
      if (context.linkRole !== role) continue;
      connection.close(LinkRotated);
      closed++;
    }
  }
  return closed;
}

/**
 * After Redis was away: closes the connections that came in with a link another instance rotated
 * meanwhile (its `link-rotated` event reached nobody here). Resolves with how many it closed.
 */
export async function closeRotatedLinks(
  instance: Hocuspocus,
  links: Pick<ShareLinks, 'currentTokenHashes'>,
): Promise<number> {
  const byBoard = new Map<string, Connection[]>();
  for (const [name, document] of instance.documents) {
    const { boardId } = parseDocumentName(name);
    byBoard.set(boardId, [...(byBoard.get(boardId) ?? []), ...document.getConnections()]);
  }
  let closed = 0;
  for (const [boardId, connections] of byBoard) {
    const withLink = connections.filter((c) => (c.context as Partial<AccessContext>).linkTokenHash !== undefined);
    if (withLink.length === 0) continue;
    try {
      const current = await links.currentTokenHashes(boardId);
      for (const connection of withLink) {
        if (current.has((connection.context as AccessContext).linkTokenHash!)) continue;
        connection.close(LinkRotated);
        closed++;
      }
    } catch (error) {
      log.error({ board: boardId, err: error }, 'could not re-check the share links of a board after Redis came back');
    }
  }
  return closed;
}
