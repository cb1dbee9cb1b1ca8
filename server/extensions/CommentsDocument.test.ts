import type { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import type * as Y from 'yjs';
import { COMMENTS_SCHEMA_VERSION } from '../../shared/comments/index.ts';
import { executeCommand, readMeta } from '../../shared/index.ts';
import { BoardNotFound, Unauthorized } from '../../shared/protocol/closeReasons.ts';
import { backup, restore } from '../operations/backup.ts';
import { loadBoardDocumentDoc } from '../storage/documentStorage.ts';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';
import { connectProvider, refusalReason, waitFor, waitForAck } from '../testing/providers.ts';
import {
  createBoardWithLinks,
  makeTempDir,
  removeDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';
import { onLogLine } from '../observability/log.ts';
import { fetchAsPerson } from '../testing/identities.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

/** A raw write to the comments document (no model needed to prove storage and access). */
function writeEntry(doc: Y.Doc, key: string, value: string): void {
  doc.transact(() => doc.getMap('probe').set(key, value), 'test');
}
const entry = (doc: Y.Doc, key: string) => doc.getMap('probe').get(key);

/**
 * The comments document `<boardId>/comments`: loaded, logged before the ack, compacted
 * and access-checked like the board itself, in its own tables.
 */
describe('the comments document', () => {
  const cleanups = cleanupsAfterEach();
  const start = async (dataDir?: string): Promise<TestServer> => {
    const server = await startTestServer({ dataDir });
    cleanups.push(() => server.close());
    return server;
  };
  const connect = async (server: TestServer, name: string, token: string): Promise<HocuspocusProvider> => {
    const p = await connectProvider(server.wsUrl, name, { token });
    cleanups.push(() => p.destroy());
    return p;
  };

  it('is refused for an unknown board and for a name that is no board document', async () => {
    const server = await start();
    const { tokens } = await createBoardWithLinks(server.url);
    expect(await refusalReason(server.wsUrl, 'unknown00001/comments', tokens.facilitator)).toBe(BoardNotFound.reason);
    expect(await refusalReason(server.wsUrl, 'unknown00001/other', tokens.facilitator)).toBe(BoardNotFound.reason);
    expect(server.server.hocuspocus.getDocumentsCount()).toBe(0);
  });

  it('an acknowledged comment is in the log at once; a restart keeps it and shutdown compacts it; the board is untouched', async () => {
    const dataDir = makeTempDir();
    cleanups.unshift(() => removeDir(dataDir));
    const first = await start(dataDir);
    const { id, tokens } = await createBoardWithLinks(first.url, { title: 'Checkout' });
    const a = await connectProvider(first.wsUrl, `${id}/comments`, { token: tokens.commenter });
    writeEntry(a.document, 'hello', 'world');
    await waitForAck(a);
    const logged = await loadBoardDocumentDoc(first.server.store, id, 'comments');
    expect(entry(logged!.doc, 'hello')).toBe('world');
    expect((await first.server.store.documents.loadBoardDocument(id, 'comments'))?.updates.length).toBeGreaterThan(0);
    a.destroy();
    await first.close();

    const second = await start(dataDir);
    const stored = await second.server.store.documents.loadBoardDocument(id, 'comments');
    expect(stored?.updates).toEqual([]);
    expect(stored?.snapshot).not.toBeNull();
    const b = await connect(second, `${id}/comments`, tokens.viewer);
    expect(entry(b.document, 'hello')).toBe('world');
    // Initialised by the server on first load (its own schema version), through the log like any change.
    expect(b.document.getMap('meta').toJSON()).toEqual({ schemaVersion: COMMENTS_SCHEMA_VERSION, boardId: id });
    // The board document and the listings still hold just the board.
    const board = await connect(second, id, tokens.viewer);
    expect(readMeta(board.document).title).toBe('Checkout');
    expect(board.document.getMap('probe').size).toBe(0);
    expect((await second.server.store.boards.listBoards()).map((x) => x.id)).toEqual([id]);
  });

  it('checkpoints are of the board: a change to the comments document takes none, a board change does', async () => {
    const server = await startTestServer({ checkpointIntervalMs: 30 });
    cleanups.push(() => server.close());
    // Were the comments document checkpointed, its timer (started first, same interval) would
    // fire first and its store write would fail on the missing board row, logged here.
    // The server logs through pino (server/observability/log.ts); errors are written at the tests' level.
    const errors: string[] = [];
    cleanups.push(onLogLine((line) => errors.push(line)));
    const { id, tokens } = await createBoardWithLinks(server.url);
    const comments = await connect(server, `${id}/comments`, tokens.commenter);
    writeEntry(comments.document, 'a', '1');
    await waitForAck(comments);
    const board = await connect(server, id, tokens.editor);
    // A board change after it: its automatic checkpoint comes; none ever names the comments document.
    executeCommand(board.document, ann, 'renameBoard', { title: 'Checkpointed' });
    await waitForAck(board);
    const list = await waitFor(
      async () => {
        const cps = await server.server.store.checkpoints.listCheckpoints(id);
        return cps.length > 0 ? cps : null;
      },
      { what: 'the board’s automatic checkpoint' },
    );
    expect(list).toHaveLength(1);
    expect(errors.filter((line) => line.includes('could not take an automatic checkpoint'))).toEqual([]);
  });

  it('a commenter writes comments but not the board; a viewer writes neither (raw providers)', async () => {
    const server = await start();
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Roles' });
    const editorComments = await connect(server, `${id}/comments`, tokens.editor);
    const commenterComments = await connect(server, `${id}/comments`, tokens.commenter);
    const viewerComments = await connect(server, `${id}/comments`, tokens.viewer);
    const commenterBoard = await connect(server, id, tokens.commenter);
    const editorBoard = await connect(server, id, tokens.editor);

    writeEntry(commenterComments.document, 'by-commenter', 'yes');
    await waitForAck(commenterComments);
    await waitFor(() => entry(editorComments.document, 'by-commenter') === 'yes', {
      what: 'the commenter’s comment to arrive',
    });

    writeEntry(viewerComments.document, 'by-viewer', 'no');
    executeCommand(commenterBoard.document, ann, 'renameBoard', { title: 'By a commenter' });
    // Fence: the editor's later write arrives at the viewer, so the server handled the viewer's earlier one.
    writeEntry(editorComments.document, 'fence', '1');
    await waitFor(
      () => entry(viewerComments.document, 'fence') === '1' && entry(commenterComments.document, 'fence') === '1',
      { what: 'the fence' },
    );
    executeCommand(editorBoard.document, ann, 'renameBoard', { title: 'By an editor' });
    await waitForAck(editorBoard);

    expect(entry(editorComments.document, 'by-viewer')).toBeUndefined();
    expect(viewerComments.hasUnsyncedChanges).toBe(true);
    const stored = await loadBoardDocumentDoc(server.server.store, id, 'comments');
    expect(entry(stored!.doc, 'by-viewer')).toBeUndefined();
    expect(entry(stored!.doc, 'by-commenter')).toBe('yes');
    expect(readMeta(server.server.hocuspocus.documents.get(id)!).title).toBe('By an editor');
    expect(await refusalReason(server.wsUrl, `${id}/comments`, 'x'.repeat(32))).toBe(Unauthorized.reason);
  });

  it('rotating a link closes its comments connections too (link-rotated), and the old token is refused there', async () => {
    const server = await start();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const closed: string[] = [];
    const p = await connect(server, `${id}/comments`, tokens.commenter);
    p.on('close', ({ event }: { event: { reason: string } }) => closed.push(event.reason));
    const res = await fetchAsPerson(`${server.url}/api/boards/${id}/links/commenter/rotate`, tokens.facilitator, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    await waitFor(() => closed.includes('link-rotated'), { what: 'the comments connection to be closed' });
    expect(await refusalReason(server.wsUrl, `${id}/comments`, tokens.commenter)).toBe(Unauthorized.reason);
  });

  it('backups carry the comments document (SQLite copy and NDJSON to PostgreSQL)', async () => {
    const server = await start();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const a = await connect(server, `${id}/comments`, tokens.commenter);
    writeEntry(a.document, 'kept', 'in the backup');
    await waitForAck(a);

    const sqliteBackup = makeTempDir();
    const ndjsonBackup = makeTempDir();
    const target = makeTempDir();
    cleanups.unshift(() => [sqliteBackup, ndjsonBackup, target].forEach(removeDir));
    await backup(server.server.store, sqliteBackup);
    const restored = await openSqliteRepositories(target);
    cleanups.push(() => restored.close());
    await restore(sqliteBackup, restored);
    expect(entry((await loadBoardDocumentDoc(restored, id, 'comments'))!.doc, 'kept')).toBe('in the backup');

    const schema = uniqueSchema();
    const pg = await openTestPostgresStore(schema);
    cleanups.push(() => dropSchema(schema));
    cleanups.push(() => pg.close());
    await restore(sqliteBackup, pg);
    await backup(pg, ndjsonBackup);
    const fromNdjson = await openSqliteRepositories(makeTempDir());
    cleanups.push(() => fromNdjson.close());
    await restore(ndjsonBackup, fromNdjson);
    expect(entry((await loadBoardDocumentDoc(fromNdjson, id, 'comments'))!.doc, 'kept')).toBe('in the backup');
  });
});
