import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../shared/doc/boardDoc.ts';
import { executeCommand, readBoard } from '../shared/index.ts';
import { DEFAULT_CHANNELS, defaultChannelId } from '../shared/schema/channel.ts';
import { awarenessFence, connectProvider, waitFor, waitForAck } from './testing/providers.ts';
import { testBoards } from './testing/testBoards.ts';

const ann = { id: 'ann', name: 'Ann', department: 'marketing' } as const;
const PHONE = defaultChannelId('phone');

describe('channels on the server', () => {
  const boards = testBoards((wsUrl, boardId, token) => connectProvider(wsUrl, boardId, { token }));

  it('a new board has the default channels; a raw provider’s malformed channel and note channel are repaired everywhere', async () => {
    const board = await boards.board();
    const editor = await board.join('editor');
    const viewer = await board.join('viewer');
    expect(readBoard(viewer.document).channels.map((c) => c.id)).toEqual(
      DEFAULT_CHANNELS.map((c) => defaultChannelId(c.key)),
    );
    const note = readBoard(editor.document).notes[0]!;
    editor.document.transact(() => {
      const records = recordsMap(editor.document) as unknown as Y.Map<unknown>;
      const bad = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ name: 'N'.repeat(300), icon: 'rocket', index: 'a9', extra: 'kept' }))
        bad.set(k, v);
      records.set('channel:badfields0000001', bad);
      recordsMap(editor.document).get(note.id)!.set('channel', 42);
    });
    const serverDoc = boards.server.server.hocuspocus.documents.get(board.id)!;
    for (const doc of [serverDoc, viewer.document, editor.document])
      await waitFor(
        () =>
          recordsMap(doc).get('channel:badfields0000001')?.get('icon') === 'other' &&
          !recordsMap(doc).get(note.id)!.has('channel'),
        { what: 'the repaired channel and note everywhere' },
      );
    const fixed = readBoard(viewer.document).channels.find((c) => c.id === 'channel:badfields0000001')!;
    expect(fixed).toMatchObject({ name: 'N'.repeat(40), icon: 'other' });
    expect(recordsMap(viewer.document).get('channel:badfields0000001')!.get('extra')).toBe('kept');
  });

  it('a commenter cannot put a note on a channel or add one; an editor can', async () => {
    const board = await boards.board();
    const editor = await board.join('editor');
    const commenter = await board.join('commenter');
    const note = readBoard(commenter.document).notes.find((n) => n.channelId !== PHONE)!;
    executeCommand(commenter.document, ann, 'setNoteChannel', { noteIds: [note.id], channelId: PHONE });
    executeCommand(commenter.document, ann, 'addChannel', { name: 'Kiosk', icon: 'store' });
    await awarenessFence(commenter, editor);
    const onServer = readBoard(boards.server.server.hocuspocus.documents.get(board.id)!);
    expect(onServer.notesById.get(note.id)!.channelId).toBe(note.channelId);
    expect(onServer.channels.some((c) => c.name === 'Kiosk')).toBe(false);
    executeCommand(editor.document, ann, 'setNoteChannel', { noteIds: [note.id], channelId: PHONE });
    await waitForAck(editor);
    await waitFor(() => readBoard(commenter.document).notesById.get(note.id)!.channelId === PHONE, {
      what: 'the commenter to see the editor’s channel',
    });
  });
});
