import type { afterLoadDocumentPayload, Connection } from '@hocuspocus/server';
import type * as Y from 'yjs';
import {
  commentRepair,
  commentsMap,
  commentsMetaMap,
  COMMENTS_SCHEMA_VERSION,
  isLengthRepair,
  peopleMap,
  threadsMap,
  readPerson,
  threadRepair,
  type CommentsRepair,
  type Person,
} from '../../shared/comments/index.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { GuardNotice } from './RecordGuard.ts';
import { log } from '../observability/log.ts';
import { personOf } from '../access/AccessContext.ts';
import { applyOwnershipFix, CommentOwnership, ownerKey, type OwnershipFix } from './commentOwnership.ts';
import { ConfiguredExtension } from './ConfiguredExtension.ts';
import { connectionOrigin } from './connectionOrigin.ts';

export interface CommentGuardConfiguration {
  /** Longest comment kept (MAX_COMMENT_LENGTH); longer text is cut and its writer told why. */
  maxCommentLength: number;
  /** Most threads plus comments in one board's comments document. */
  maxComments: number;
}

/**
 * Keeps every comments document valid whatever a client writes (the RecordGuard of
 * `<boardId>/comments`). After each transaction from a connection it checks what changed:
 * threads and comments that are not maps or have no valid id are deleted; wrong fields are set
 * to what the reader shows; a comment over MAX_COMMENT_LENGTH is cut and its writer gets the
 * limit in a notice; bad reaction keys are removed; `meta` keeps its board id and version;
 * `people` is the server's (written from visits): a client's change to it is undone; past
 * maxComments, what the transaction added is removed; a change to someone else's thread or
 * comment is put back (commentOwnership.ts: who may change what), keyed by the proven person. The repair is one server transaction,
 * stored and broadcast like any change.
 */
export class CommentGuard extends ConfiguredExtension<CommentGuardConfiguration> {
  extensionName = 'CommentGuard';

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'comments') return;
    // What the server itself wrote to `people` (the truth a client's write is reset to).
    const people = new Map<string, Person>();
    const remember = () =>
      peopleMap(document).forEach((v, id) => {
        const p = readPerson(id, v);
        if (p) people.set(id, p);
      });
    remember();
    const ownership = new CommentOwnership([
      threadsMap(document),
      commentsMap(document),
    ] as unknown as Y.Map<unknown>[]);
    document.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === ORIGIN.server) remember();
      const origin = connectionOrigin(tr);
      if (origin) {
        const notice = this.check(document, boardId, tr, people, ownership);
        if (notice) origin.connection?.sendStateless(JSON.stringify(notice));
      }
      // After any repair, what stands is what the next change is judged against.
      const threads = threadsMap(document) as unknown as Y.Map<unknown>;
      const comments = commentsMap(document) as unknown as Y.Map<unknown>;
      for (const [changed, keys] of tr.changed) {
        const type = changed as unknown as Y.AbstractType<unknown>;
        if (type === threads || type === comments)
          keys.forEach((k) => k !== null && ownership.learn(k, (type as Y.Map<unknown>).get(k)));
        else {
          const owner = ownerKey(type, threads) ?? ownerKey(type, comments);
          if (owner) ownership.learn(owner.key, owner.root.get(owner.key));
        }
      }
    });
  }

  /** Repairs what `tr` broke; returns a notice for its author, or null when all was valid. */
  check(
    doc: Y.Doc,
    boardId: string,
    tr: Y.Transaction,
    people: ReadonlyMap<string, Person>,
    ownership?: CommentOwnership,
  ): GuardNotice | null {
    const threads = doc.getMap('threads') as Y.Map<unknown>;
    const comments = commentsMap(doc) as unknown as Y.Map<unknown>;
    const peopleRoot = peopleMap(doc);
    const meta = commentsMetaMap(doc);
    const touched = { threads: new Set<string>(), comments: new Set<string>(), people: new Set<string>() };
    let metaTouched = false;
    for (const [changed, keys] of tr.changed) {
      const type = changed as unknown as Y.AbstractType<unknown>;
      if (type === threads) keys.forEach((k) => k !== null && touched.threads.add(k));
      else if (type === comments) keys.forEach((k) => k !== null && touched.comments.add(k));
      else if (type === peopleRoot) keys.forEach((k) => k !== null && touched.people.add(k));
      else if (type === meta) metaTouched = true;
      else {
        const owner = ownerKey(type, threads) ?? ownerKey(type, comments);
        if (owner) (owner.root === threads ? touched.threads : touched.comments).add(owner.key);
      }
    }

    const repairs: [Y.Map<unknown>, string, CommentsRepair][] = [];
    for (const key of touched.threads)
      if (threads.has(key)) repairs.push([threads, key, threadRepair(key, threads.get(key))]);
    for (const key of touched.comments)
      if (comments.has(key))
        repairs.push([
          comments,
          key,
          commentRepair(key, comments.get(key), { maxCommentLength: this.config.maxCommentLength }),
        ]);
    const bad = repairs.filter(([, , r]) => r.kind !== 'ok');
    const overflow = threads.size + comments.size - this.config.maxComments;
    const added =
      overflow > 0
        ? [
            ...[...touched.threads].map((k) => [threads, k] as const),
            ...[...touched.comments].map((k) => [comments, k] as const),
          ].filter(([root, k]) => isNewIn(tr, root, k))
        : [];
    const peopleFixes = [...touched.people].filter(
      (id) => JSON.stringify(peopleRoot.get(id)) !== JSON.stringify(people.get(id)),
    );
    const metaFix =
      metaTouched && (meta.get('boardId') !== boardId || meta.get('schemaVersion') !== COMMENTS_SCHEMA_VERSION);
    const personId = personOf((tr.origin as { connection: Connection }).connection)?.id;
    const ownershipFixes: OwnershipFix[] = [];
    if (ownership && personId) {
      for (const key of touched.threads) pushFix(ownershipFixes, ownership.fixFor(threads, key, personId, 'thread'));
      for (const key of touched.comments) pushFix(ownershipFixes, ownership.fixFor(comments, key, personId, 'comment'));
    }
    if (bad.length === 0 && added.length === 0 && peopleFixes.length === 0 && !metaFix && ownershipFixes.length === 0)
      return null;

    doc.transact(() => {
      for (const [root, key, repair] of bad) {
        if (repair.kind === 'delete') root.delete(key);
        else if (repair.kind === 'fix') {
          const rec = root.get(key) as Y.Map<unknown>;
          for (const [field, value] of Object.entries(repair.set)) rec.set(field, value);
          for (const field of repair.remove) rec.delete(field);
        }
      }
      ownershipFixes.forEach(applyOwnershipFix);
      for (const [root, key] of added.slice(-overflow)) root.delete(key);
      for (const id of peopleFixes) {
        const truth = people.get(id);
        if (truth) peopleRoot.set(id, { ...truth });
        else peopleRoot.delete(id);
      }
      if (metaFix) {
        meta.set('boardId', boardId);
        meta.set('schemaVersion', COMMENTS_SCHEMA_VERSION);
      }
    }, ORIGIN.server);
    log.warn(
      {
        board: boardId,
        repairs: [...bad.map(([, k, r]) => `${k}: ${r.kind}`), ...ownershipFixes.map((f) => `${f.key}: not theirs`)]
          .join('; ')
          .slice(0, 300),
      },
      'repaired a client’s change to the comments',
    );
    if (added.length > 0) {
      return {
        type: 'journeyboard:repaired',
        reason: 'too-many-records',
        message: `A board holds at most ${this.config.maxComments} comments; your new ones were removed.`,
      };
    }
    if (ownershipFixes.length > 0 && bad.length === 0) {
      return {
        type: 'journeyboard:repaired',
        reason: 'invalid-record',
        message: 'Only its author can change a comment; the server put it back.',
      };
    }
    if (bad.some(([, , r]) => isLengthRepair(r))) {
      return {
        type: 'journeyboard:repaired',
        reason: 'invalid-record',
        message: `A comment can be at most ${this.config.maxCommentLength} characters; yours was shortened to fit.`,
      };
    }
    return {
      type: 'journeyboard:repaired',
      reason: 'invalid-record',
      message: 'Part of your last comment change was invalid and was corrected by the server.',
    };
  }
}

function pushFix(fixes: OwnershipFix[], fix: OwnershipFix | null): void {
  if (fix) fixes.push(fix);
}

function isNewIn(tr: Y.Transaction, root: Y.Map<unknown>, key: string): boolean {
  const item = root._map.get(key);
  if (!item || item.deleted) return false;
  return item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
}
