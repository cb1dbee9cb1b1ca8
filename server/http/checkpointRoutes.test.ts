import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard, type NoteId } from '../../shared/index.ts';
import type { ApiErrorResponse } from '../../shared/protocol/http.ts';
import type {
  CheckpointListResponse,
  CheckpointPreviewResponse,
  CheckpointSummary,
  RestoreCheckpointResponse,
} from '../../shared/protocol/checkpoints.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

const ann = { id: 'ann', name: 'Ann', department: 'marketing' } as const;
const bob = { id: 'bob', name: 'Bob', department: 'sales' } as const;

describe('checkpoint routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetchAsPerson(`${server.url}${path}`, token, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
  const save = async (boardId: string, tokens: Record<Role, string>, label: string) => {
    const res = await api(`/api/boards/${boardId}/checkpoints`, tokens.facilitator, {
      method: 'POST',
      body: JSON.stringify({ label, by: { id: 'ann', name: 'Ann' } }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as CheckpointSummary;
  };

  it('named checkpoint, list, preview with what changed since, restore merging with a concurrent edit', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Checkout', template: 'ecommerce' });
    const a = await connectProvider(server.wsUrl, id);
    const b = await connectProvider(server.wsUrl, id);
    const { stages, lanes, notes } = readBoard(a.document);
    const gone = notes[0]!;

    const named = await save(id, tokens, 'After the sales workshop');
    expect(named).toMatchObject({
      kind: 'named',
      label: 'After the sales workshop',
      createdBy: { id: 'ann', name: 'Ann' },
      noteCount: notes.length,
    });

    // Changes since: a note removed, one added, the title changed.
    executeCommand(a.document, ann, 'deleteNotes', { noteIds: [gone.id] });
    const added = executeCommand(a.document, ann, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'Added after',
    });
    executeCommand(a.document, ann, 'renameBoard', { title: 'Checkout v2' });
    await waitForAck(a);

    const list = (await (await api(`/api/boards/${id}/checkpoints`, tokens.viewer)).json()) as CheckpointListResponse;
    expect(list.checkpoints.map((c) => c.id)).toEqual([named.id]);

    const preview = (await (
      await api(`/api/boards/${id}/checkpoints/${named.id}`, tokens.viewer)
    ).json()) as CheckpointPreviewResponse;
    expect(preview.board.title).toBe('Checkout');
    expect(preview.board.notes.map((n) => n.id)).toContain(gone.id);
    expect(preview.since.added.map((e) => e.id)).toEqual([added]);
    expect(preview.since.removed.map((e) => e.id)).toEqual([gone.id]);
    expect(preview.since.title).toEqual({ from: 'Checkout', to: 'Checkout v2' });

    // Bob edits concurrently with the restore (his edit reaches the server only after it, as on a
    // slow or dropped connection): his new note must survive, because the restore is a change,
    // not a reset.
    await waitFor(() => readBoard(b.document).meta.title === 'Checkout v2', { what: 'Bob to be up to date' });
    const offline = new Y.Doc(); // Bob's copy while his connection is down
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(b.document));
    const bobs: NoteId = executeCommand(offline, bob, 'addNote', {
      stageId: stages[1]!.id,
      laneId: lanes[1]!.id,
      text: 'Bob, meanwhile',
    });
    const res = await api(`/api/boards/${id}/checkpoints/${named.id}/restore`, tokens.facilitator, {
      method: 'POST',
      body: '{}',
    });
    Y.applyUpdate(b.document, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(b.document))); // back online: sent late
    expect(res.status).toBe(200);
    const restored = (await res.json()) as RestoreCheckpointResponse;
    expect(restored.before).toMatchObject({
      kind: 'before-restore',
      label: 'Before restoring “After the sales workshop”',
    });
    await waitForAck(b);

    await waitFor(
      () => readBoard(a.document).meta.title === 'Checkout' && readBoard(b.document).meta.title === 'Checkout',
      { what: 'both to see the restore' },
    );
    await waitFor(() => readBoard(a.document).notesById.has(bobs!), { what: 'Ann to see Bob’s note' });
    for (const doc of [a.document, b.document]) {
      const board = readBoard(doc);
      expect(board.notesById.has(gone.id)).toBe(true);
      expect(board.notesById.has(added)).toBe(false);
      expect(board.notesById.get(bobs)?.text).toBe('Bob, meanwhile');
    }
    const after = (await (await api(`/api/boards/${id}/checkpoints`, tokens.viewer)).json()) as CheckpointListResponse;
    expect(after.checkpoints.map((c) => c.kind)).toEqual(['before-restore', 'named']);
    a.destroy();
    b.destroy();
  });

  it('restores a board nobody has open (through a direct connection), and it is stored', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const named = await save(id, tokens, 'Start');
    const a = await connectProvider(server.wsUrl, id);
    const note = readBoard(a.document).notes[0]!;
    executeCommand(a.document, ann, 'deleteNotes', { noteIds: [note.id] });
    await waitForAck(a);
    a.destroy();
    await waitFor(() => !server.server.hocuspocus.documents.has(id), { what: 'the board to unload' });

    const res = await api(`/api/boards/${id}/checkpoints/${named.id}/restore`, tokens.facilitator, { method: 'POST' });
    expect(res.status).toBe(200);
    const again = await connectProvider(server.wsUrl, id);
    expect(readBoard(again.document).notesById.has(note.id)).toBe(true);
    again.destroy();
  });

  it('only a facilitator saves or restores; any link views; errors are JSON', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url);
    const named = await save(id, tokens, 'Mine');
    const code = async (res: Response) => ((await res.json()) as ApiErrorResponse).error.code;

    const asEditor = await api(`/api/boards/${id}/checkpoints`, tokens.editor, {
      method: 'POST',
      body: JSON.stringify({ label: 'x' }),
    });
    expect(asEditor.status).toBe(403);
    expect(await code(asEditor)).toBe('forbidden');
    expect(
      (await api(`/api/boards/${id}/checkpoints/${named.id}/restore`, tokens.viewer, { method: 'POST' })).status,
    ).toBe(403);
    expect((await api(`/api/boards/${id}/checkpoints`, tokens.viewer)).status).toBe(200);
    expect((await fetch(`${server.url}/api/boards/${id}/checkpoints`)).status).toBe(401);

    const blank = await api(`/api/boards/${id}/checkpoints`, tokens.facilitator, {
      method: 'POST',
      body: JSON.stringify({ label: '  ' }),
    });
    expect(blank.status).toBe(400);
    expect(await code(blank)).toBe('invalid-request');
    const missing = await api(`/api/boards/${id}/checkpoints/cp_nope`, tokens.viewer);
    expect(missing.status).toBe(404);
    expect((await api(`/api/boards/nosuchboard1/checkpoints`, tokens.viewer)).status).toBe(404);
  });
});
