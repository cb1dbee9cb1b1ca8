import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  commentsMap,
  newlyMentioned,
  readComment,
  readComments,
  readThread,
  threadsMap,
  type Comment,
} from '../../shared/comments/index.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { WebhookEvent } from '../../shared/protocol/webhooks.ts';
import { ownerKey } from './commentOwnership.ts';

export interface MentionEventsOptions {
  readonly emit: (boardId: string, event: WebhookEvent, data: unknown) => void;
}

/** The longest comment text a `comment.mentioned` event carries. */
const EVENT_TEXT_LENGTH = 500;

/**
 * `comment.mentioned`, once per person newly mentioned in a comment (a new comment, or an edit
 * that adds `@Name`). Only the instance whose client wrote the comment announces it: a connection's
 * transaction here, never one relayed from another instance or read from the log. It is judged
 * after the turn in which CommentGuard repairs or puts back a change (someone else's comment, a
 * forged author), so what is announced is what stands.
 */
export class MentionEvents implements Extension {
  readonly #emit: MentionEventsOptions['emit'];
  extensionName = 'MentionEvents';

  constructor({ emit }: MentionEventsOptions) {
    this.#emit = emit;
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'comments') return;
    // Per comment, the people it mentioned when last judged.
    const known = new Map<string, ReadonlySet<string>>();
    for (const thread of readComments(document).threads)
      for (const c of thread.comments) known.set(c.id, new Set(c.mentions));
    // Comments changed since, and whether a connection of this instance changed each.
    const touched = new Map<string, boolean>();
    let scheduled: NodeJS.Immediate | null = null;
    const comments = commentsMap(document) as unknown as Y.Map<unknown>;

    const judge = () => {
      scheduled = null;
      const { people } = readComments(document);
      for (const [id, own] of touched) {
        const comment = readCommentAt(document, id);
        if (own && comment)
          for (const person of newlyMentioned(comment, known.get(id) ?? new Set(), people))
            this.#emit(boardId, 'comment.mentioned', eventData(document, comment, person));
        known.set(id, new Set(comment?.mentions ?? []));
      }
      touched.clear();
    };

    document.on('afterTransaction', (tr: Y.Transaction) => {
      const own = (tr.origin as { source?: string } | null)?.source === 'connection';
      for (const [changed, keys] of tr.changed) {
        const type = changed as unknown as Y.AbstractType<unknown>;
        const ids = type === comments ? [...keys].filter((k) => k !== null) : [ownerKey(type, comments)?.key];
        for (const id of ids) if (id) touched.set(id, own || (touched.get(id) ?? false));
      }
      if (touched.size > 0 && !scheduled) scheduled = setImmediate(judge);
    });
    document.on('destroy', () => {
      if (scheduled) clearImmediate(scheduled);
    });
  }
}

function readCommentAt(doc: Y.Doc, id: string): Comment | null {
  const rec = commentsMap(doc).get(id);
  return rec instanceof Y.Map ? readComment(id, rec.toJSON()) : null;
}

function eventData(doc: Y.Doc, comment: Comment, person: { id: string; name: string }) {
  const rec = threadsMap(doc).get(comment.threadId);
  const thread = rec instanceof Y.Map ? readThread(comment.threadId, rec.toJSON()) : null;
  return {
    commentId: comment.id,
    threadId: comment.threadId,
    target: thread?.target ?? null,
    text: comment.text.slice(0, EVENT_TEXT_LENGTH),
    author: { personId: comment.authorId, name: comment.authorName },
    mentioned: { personId: person.id, name: person.name },
  };
}
