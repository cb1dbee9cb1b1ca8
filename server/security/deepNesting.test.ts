import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, recordsMap } from '../../shared/doc/boardDoc.ts';
import { findTemplate, readBoard, type BoardBackup } from '../../shared/index.ts';
import { InvalidMessage } from '../../shared/protocol/closeReasons.ts';
import { ROLES, type Role } from '../../shared/protocol/roles.ts';
import { MAX_VALUE_DEPTH, nestsDeeperThan } from '../../shared/schema/valueDepth.ts';
import { loadBoardDoc, newBoardRow } from '../storage/boardState.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, grantLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

/**
 * A link holder (or a backup file) with values nested thousands of levels deep: JSON.stringify,
 * zod and Y's toJSON run out of stack on them. The server must neither keep such a value nor
 * fail on one it holds: exports answer for every role, imports answer 400 naming the field.
 */

/** `[[[…]]]`, `levels` arrays deep. */
function nested(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

/**
 * Puts a chain of `levels` Y.Maps under `field` of `parent`, one level at a time: a prelim chain
 * would be integrated recursively, on the writer's own stack.
 */
function setNestedMaps(parent: Y.Map<unknown>, field: string, levels: number): void {
  let at = new Y.Map<unknown>();
  parent.set(field, at);
  for (let i = 1; i < levels; i++) {
    const next = new Y.Map<unknown>();
    at.set('m', next);
    at = next;
  }
}

// Plain values 4,500 levels deep made the export answer 500 (JSON.stringify); a little deeper
// and Yjs cannot decode them on the server's stack at all (how much deeper depends on the JIT),
// so that attack lives in a narrow band. Nested Y.Maps decode flat, so a chain of them reaches
// the server at any depth: Y's toJSON (the export) failed from ~3,000, its garbage collection
// when the chain is deleted a little deeper.
const DEEP_ARRAY = 4500;
const DEEP_MAPS = 4000;

describe('deep nesting from a link holder', () => {
  let server: TestServer;
  const providers: HocuspocusProvider[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => providers.splice(0).forEach((p) => p.destroy()));
  afterAll(async () => {
    await server.close();
  });

  const exportOf = (id: string, token: string) => fetchAsPerson(`${server.url}/api/boards/${id}/export.json`, token);

  /** An editor and a viewer on a new board, and the first note as the editor holds it. */
  async function editorOnNewBoard() {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const viewer = await connectProvider(server.wsUrl, id, { token: tokens.viewer });
    const editor = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    providers.push(viewer, editor);
    const noteId = readBoard(editor.document).notes[0]!.id;
    const note = recordsMap(editor.document).get(noteId) as unknown as Y.Map<unknown>;
    const closed = new Promise<string>((resolve) =>
      editor.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    return { id, tokens, editor, viewer, noteId, note, closed };
  }

  /** Every role's export answers 200, and `check` holds for each. */
  async function exportsForEveryone(id: string, tokens: Record<Role, string>, check: (backup: BoardBackup) => void) {
    for (const role of ROLES) {
      const res = await exportOf(id, tokens[role]);
      expect(res.status, role).toBe(200);
      check((await res.json()) as BoardBackup);
    }
  }

  it.each<[string, (note: Y.Map<unknown>, doc: Y.Doc) => void]>([
    ['an array nested 4,500 deep in a note field', (note) => note.set('deepArray', nested(DEEP_ARRAY))],
    ['an array nested 4,500 deep as a note position', (note) => note.set('position', nested(DEEP_ARRAY))],
    ['an array nested 4,500 deep in meta', (_note, doc) => metaMap(doc).set('deepMeta', nested(DEEP_ARRAY))],
    ['a chain of 4,000 maps in a note field', (note) => setNestedMaps(note, 'deepMaps', DEEP_MAPS)],
    [
      'a chain of 4,000 maps in meta',
      (_note, doc) => setNestedMaps(metaMap(doc) as Y.Map<unknown>, 'deepMeta', DEEP_MAPS),
    ],
    ['one level more than a field may hold', (note) => note.set('deepArray', nested(MAX_VALUE_DEPTH + 1))],
  ])('an editor writing %s is refused before it is applied; every export still answers', async (_what, write) => {
    const { id, tokens, editor, viewer, noteId, note, closed } = await editorOnNewBoard();
    editor.document.transact(() => write(note, editor.document));
    expect(await closed).toBe(InvalidMessage.reason);

    const live = server.server.hocuspocus.documents.get(id)!;
    for (const doc of [live, viewer.document, (await loadBoardDoc(server.server.store, id))!.doc]) {
      expect(nestsDeeperThan(recordsMap(doc).get(noteId)!, MAX_VALUE_DEPTH + 1)).toBe(false);
      expect(metaMap(doc).has('deepMeta')).toBe(false);
    }
    await exportsForEveryone(id, tokens, (backup) =>
      expect(backup.records[noteId]!.position).toMatchObject({ stageId: expect.stringMatching(/^stage:/) }),
    );
  });

  it('a chain grown one level per change is refused at the level past the limit (depth counted from the board, not the change)', async () => {
    const { id, editor, noteId, note, closed } = await editorOnNewBoard();
    let at = new Y.Map<unknown>();
    editor.document.transact(() => note.set('grown', at));
    let levels = 1;
    let refused: string | null = null;
    void closed.then((reason) => (refused = reason));
    while (refused === null && levels < MAX_VALUE_DEPTH + 5) {
      await Promise.race([waitForAck(editor), closed]);
      const next = new Y.Map<unknown>();
      editor.document.transact(() => at.set('m', next));
      at = next;
      levels++;
    }
    expect(await closed).toBe(InvalidMessage.reason);
    const grown = (
      recordsMap(server.server.hocuspocus.documents.get(id)!).get(noteId) as unknown as Y.Map<unknown>
    ).get('grown');
    expect(nestsDeeperThan(grown, MAX_VALUE_DEPTH)).toBe(false);
    expect(nestsDeeperThan(grown, MAX_VALUE_DEPTH - 1)).toBe(true);
  });

  it('a field nested within the limit is kept; a meta value one level past it is removed by the record repair', async () => {
    const { id, tokens, editor, noteId, note } = await editorOnNewBoard();
    editor.document.transact(() => {
      note.set('shallowExtra', nested(MAX_VALUE_DEPTH));
      metaMap(editor.document).set('deepMeta', nested(MAX_VALUE_DEPTH + 1));
    });
    await waitForAck(editor);
    await waitFor(() => !metaMap(editor.document).has('deepMeta'), { what: 'the repair to reach the writer' });
    await exportsForEveryone(id, tokens, (backup) => {
      expect(backup.records[noteId]!.shallowExtra).toEqual(nested(MAX_VALUE_DEPTH));
      expect(backup.meta.deepMeta).toBeUndefined();
    });
  });

  it('a board stored with a deep value (before the server removed them) still exports, without that value', async () => {
    const id = 'deepstored01';
    const row = newBoardRow({ boardId: id, title: 'Stored deep', template: findTemplate('blank')!, now: Date.now() });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.snapshot);
    const stageId = readBoard(doc).stages[0]!.id;
    setNestedMaps(recordsMap(doc).get(stageId) as unknown as Y.Map<unknown>, 'legacy', DEEP_MAPS);
    setNestedMaps(metaMap(doc) as Y.Map<unknown>, 'legacyMeta', DEEP_MAPS);
    await server.server.store.boards.createBoard({ ...row, snapshot: Y.encodeStateAsUpdate(doc) });
    const tokens = await grantLinks(server.server.store, id);

    const res = await exportOf(id, tokens.viewer);
    expect(res.status).toBe(200);
    const backup = (await res.json()) as BoardBackup;
    expect(backup.records[stageId]!.legacy).toBeUndefined();
    expect(backup.records[stageId]!.name).toBeTypeOf('string');
    expect(backup.meta.legacyMeta).toBeUndefined();
  });
});

describe('deep nesting in an imported backup', () => {
  let server: TestServer;
  let backup: BoardBackup;
  let noteId: string;
  beforeAll(async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    backup = (await (
      await fetchAsPerson(`${server.url}/api/boards/${id}/export.json`, tokens.viewer)
    ).json()) as BoardBackup;
    noteId = Object.keys(backup.records).find((k) => k.startsWith('note:'))!;
  });
  afterAll(async () => {
    await server.close();
  });

  // The deep part goes in as text: JSON.stringify itself would run out of stack on it here.
  const PLACEHOLDER = '"<deep>"';
  const deepText = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const importing = (file: unknown, levels = 0) =>
    fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(file).replace(PLACEHOLDER, deepText(levels)),
    });
  const withNoteField = (field: string, value: unknown) => ({
    ...backup,
    records: { ...backup.records, [noteId]: { ...backup.records[noteId], [field]: value } },
  });
  const deep = JSON.parse(PLACEHOLDER) as string;

  it.each<[string, () => unknown, number, () => string]>([
    ['a record field', () => withNoteField('foo', deep), 2000, () => `records[${JSON.stringify(noteId)}].foo`],
    [
      'a known record field',
      () => withNoteField('position', deep),
      5000,
      () => `records[${JSON.stringify(noteId)}].position`,
    ],
    ['meta', () => ({ ...backup, meta: { ...backup.meta, extra: deep } }), 2000, () => 'meta.extra'],
    ['the comments', () => ({ ...backup, comments: deep }), 3000, () => 'comments'],
  ])('deep nesting in %s is a 400 naming the field, and no board is created', async (_where, file, levels, path) => {
    const before = (await server.server.store.boards.listBoards()).length;
    const res = await importing(file(), levels);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid-request');
    expect(body.error.message).toContain(`${path()}: nested deeper than ${MAX_VALUE_DEPTH} levels`);
    expect((await server.server.store.boards.listBoards()).length).toBe(before);
  });

  it('an unknown field nested within the limit is imported and kept (readers keep unknown fields)', async () => {
    const res = await importing(withNoteField('foo', nested(MAX_VALUE_DEPTH)));
    expect(res.status).toBe(201);
  });
});
