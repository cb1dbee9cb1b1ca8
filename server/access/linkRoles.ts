import type { Hocuspocus } from '@hocuspocus/server';
import { LinkRotated } from '../../shared/protocol/closeReasons.ts';
import { parseDocumentName, type Role } from '../../shared/protocol/roles.ts';
import type { AccessContext } from './AccessContext.ts';

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
