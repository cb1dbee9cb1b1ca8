import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawFields, recordsMap } from '../../shared/doc/boardDoc.ts';
import { readBoard, readMeta, SCHEMA_VERSION } from '../../shared/index.ts';
import { fieldsToDrop } from '../../shared/schema/recordLayout.ts';
import { writeSchema5Board } from '../../shared/testing/schema5.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { grantLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const leftovers = (doc: Y.Doc) => {
  const found: string[] = [];
  recordsMap(doc).forEach((rec, key) => found.push(...fieldsToDrop(key, rawFields(rec)).map((f) => `${key}.${f}`)));
  return found;
};
// Channels aside: migration 8 gives every board the default list (shared/model/channels.test.ts).
const content = (doc: Y.Doc) => ({ ...readBoard(doc), meta: null, channels: null });

/** A board stored by the schema-5 server (the fixture written field by field, as that code did). */
async function storeSchema5Board(server: TestServer, boardId: string): Promise<Y.Doc> {
  const old = writeSchema5Board(new Y.Doc(), boardId);
  await server.server.store.boards.createBoard({
    id: boardId,
    title: readMeta(old).title,
    createdAt: 1000,
    snapshot: Y.encodeStateAsUpdate(old),
  });
  await grantLinks(server.server.store, boardId);
  return old;
}

describe('Persistence: a schema-5 board on a schema-6 server (migration 6)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('loads migrated to the schema-6 layout, stored so, with a schema-5 checkpoint first; clients see the same board', async () => {
    server = await startTestServer();
    const old = await storeSchema5Board(server, 'schemafive01');
    expect(leftovers(old).length).toBeGreaterThan(100);
    const a = await connectProvider(server.wsUrl, 'schemafive01');
    try {
      expect(readMeta(a.document).schemaVersion).toBe(SCHEMA_VERSION);
      expect(leftovers(a.document)).toEqual([]);
      expect(content(a.document)).toEqual(content(old));
      const stored = await loadBoardDoc(server.server.store, 'schemafive01');
      expect(leftovers(stored!.doc)).toEqual([]);
      expect(readMeta(stored!.doc).schemaVersion).toBe(SCHEMA_VERSION);
      const [cp] = await server.server.store.checkpoints.listCheckpoints('schemafive01');
      expect(cp).toMatchObject({ kind: 'before-migration' });
      const then = new Y.Doc();
      Y.applyUpdate(then, (await server.server.store.checkpoints.getCheckpoint('schemafive01', cp!.id))!.state);
      expect(readMeta(then).schemaVersion).toBe(5);
      expect(leftovers(then).length).toBe(leftovers(old).length);
    } finally {
      a.destroy();
    }
  });

  it('restoring the schema-5 checkpoint into the live board writes the schema-6 layout', async () => {
    server = await startTestServer();
    const old = await storeSchema5Board(server, 'schemafive02');
    const a = await connectProvider(server.wsUrl, 'schemafive02');
    try {
      const [cp] = await server.server.store.checkpoints.listCheckpoints('schemafive02');
      const live = server.server.hocuspocus.documents.get('schemafive02')!;
      const note = readBoard(live).notes[0]!;
      live.transact(() => recordsMap(live).delete(note.id)); // something for the restore to bring back
      const result = await server.server.checkpoints.restore('schemafive02', cp!.id, null);
      expect(result).toMatchObject({ ok: true, summary: { recreated: 1 } });
      for (const doc of [live, a.document]) {
        await waitFor(() => readBoard(doc).notesById.has(note.id), { what: 'the restored note' });
        expect(leftovers(doc)).toEqual([]);
        expect(content(doc)).toEqual(content(old));
        expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION);
      }
    } finally {
      a.destroy();
    }
  });
});
