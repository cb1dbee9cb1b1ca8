import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard } from '../../shared/index.ts';
import type { NoteId } from '../../shared/schema/ids.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const METRICS_TOKEN = 'metrics-token-for-gap-tests-0123456789';
const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

/**
 * A log that refers to changes it does not hold: an instance relayed an edit and died before its
 * row committed, and another instance logged a change that builds on it. The board must stay
 * readable (what can be shown is shown), and a client that still holds the missing change heals it.
 */
describe('Persistence with changes missing from the log', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  /** A board whose log holds a note's text edit but not the note's creation; the writer's copy has both. */
  async function boardWithGap(): Promise<{
    id: string;
    tokens: Record<string, string>;
    writer: Y.Doc;
    noteId: NoteId;
  }> {
    server = await startTestServer({ metricsToken: METRICS_TOKEN });
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const stored = (await loadBoardDoc(server.server.store, id))!;
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(stored.doc));
    stored.doc.destroy();
    const { stages, lanes } = readBoard(writer);
    const noteId = executeCommand(writer, ann, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'first words',
    });
    const before = Y.encodeStateVector(writer);
    executeCommand(writer, ann, 'editNoteText', { noteId, text: 'healed words' });
    const edit = Y.encodeStateAsUpdate(writer, before);
    await server.server.store.boards.appendUpdate(id, edit, Date.now()); // the creation is never logged
    return { id, tokens, writer, noteId };
  }

  const gauge = async (): Promise<number> => {
    const text = await (
      await fetch(`${server!.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const line = text.split('\n').find((l) => l.startsWith('journeyboard_boards_with_gap '));
    return Number(line?.split(' ')[1]);
  };

  it('loads and serves the board, reports the gap, and heals when a client that has the changes syncs', async () => {
    const { id, tokens, writer, noteId } = await boardWithGap();
    const fromStorage = (await loadBoardDoc(server!.server.store, id))!;
    expect(fromStorage.gap?.missing.length).toBe(1);
    expect(readBoard(fromStorage.doc).notesById.has(noteId)).toBe(false);
    fromStorage.doc.destroy();

    const info = await fetchAsPerson(`${server!.url}/api/boards/${id}`, tokens.viewer!);
    expect(info.status).toBe(200);

    // A colleague opens the board: served, not refused as unreadable.
    const reader = await connectProvider(server!.wsUrl, id, { token: tokens.viewer });
    expect(readBoard(reader.document).stages.length).toBeGreaterThan(0);
    expect(readBoard(reader.document).notesById.has(noteId)).toBe(false);
    expect(await gauge()).toBe(1);

    // The writer comes back with its copy: its sync step 2 carries the note's creation.
    const healer = await connectProvider(server!.wsUrl, id, { document: writer, token: tokens.editor });
    await waitForAck(healer);
    await waitFor(() => readBoard(reader.document).notesById.get(noteId)?.text === 'healed words', {
      what: 'the reader to see the healed note',
    });
    const healed = (await loadBoardDoc(server!.server.store, id))!;
    expect(healed.gap).toBeNull();
    expect(readBoard(healed.doc).notesById.get(noteId)?.text).toBe('healed words');
    healed.doc.destroy();
    expect(await gauge()).toBe(0);
    reader.destroy();
    healer.destroy();
  });

  it('a viewer cannot heal it: a read-only connection applies nothing', async () => {
    const { id, tokens, writer, noteId } = await boardWithGap();
    const viewer = await connectProvider(server!.wsUrl, id, { document: writer, token: tokens.viewer });
    const other = await connectProvider(server!.wsUrl, id, { token: tokens.editor });
    expect(readBoard(other.document).notesById.has(noteId)).toBe(false);
    const stored = (await loadBoardDoc(server!.server.store, id))!;
    expect(stored.gap).not.toBeNull();
    stored.doc.destroy();
    expect(await gauge()).toBe(1);
    viewer.destroy();
    other.destroy();
  });

  it('compaction keeps what is pending, so the gap can still be healed after it', async () => {
    const { id, tokens, writer, noteId } = await boardWithGap();
    const other = await connectProvider(server!.wsUrl, id, { token: tokens.editor });
    executeCommand(other.document, ann, 'renameBoard', { title: 'Renamed meanwhile' });
    await waitForAck(other);
    other.destroy();
    // The board unloads (no one left): Hocuspocus stores it, which compacts log and pending into the snapshot.
    await waitFor(async () => (await server!.server.store.boards.loadBoard(id))!.updates.length === 0, {
      what: 'the board to be compacted on unload',
    });
    const compacted = (await loadBoardDoc(server!.server.store, id))!;
    expect(compacted.gap).not.toBeNull();
    compacted.doc.destroy();

    const healer = await connectProvider(server!.wsUrl, id, { document: writer, token: tokens.editor });
    await waitForAck(healer);
    const healed = (await loadBoardDoc(server!.server.store, id))!;
    expect(healed.gap).toBeNull();
    expect(readBoard(healed.doc).notesById.get(noteId)?.text).toBe('healed words');
    healed.doc.destroy();
    healer.destroy();
  });
});
