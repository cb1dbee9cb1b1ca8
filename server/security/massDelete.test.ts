import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  executeCommand,
  MASS_DELETE_TYPE,
  parseMassDeleteNotice,
  readBoard,
  type MassDeleteNotice,
} from '../../shared/index.ts';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import type { CheckpointListResponse, RestoreCheckpointResponse } from '../../shared/protocol/checkpoints.ts';
import { waitFor, waitForAck } from '../testing/providers.ts';
import { testBoards } from '../testing/testBoards.ts';
import { recordingProvider, type RecordingProvider } from '../testing/workshopClients.ts';
import { fetchAsPerson } from '../testing/identities.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const annPresence = { user: { id: 'ann', name: 'Ann', colour: '#0d74ce', department: 'sales' } };

describe('an editor removing many notes cannot wipe the board for good', () => {
  const boards = testBoards<RecordingProvider>(recordingProvider);

  async function boardWithNotes(count: number) {
    const { id, tokens, join } = await boards.board({}, {});
    const editor = await join('editor');
    editor.provider.awareness!.setLocalState(annPresence);
    const { stages, lanes } = readBoard(editor.doc);
    for (let i = 0; i < count; i++)
      executeCommand(editor.doc, ann, 'addNote', {
        stageId: stages[i % stages.length]!.id,
        laneId: lanes[0]!.id,
        text: `Note ${i}`,
      });
    await waitForAck(editor.provider);
    const api = async <T>(path: string, method = 'GET'): Promise<T> => {
      const res = await fetchAsPerson(`${boards.server.url}/api/boards/${id}${path}`, tokens.facilitator, {
        method,
      });
      expect(res.ok).toBe(true);
      return (await res.json()) as T;
    };
    return { id, join, editor, api };
  }

  const noteKeys = (doc: Y.Doc) => [...recordsMap(doc).keys()].filter((k) => k.startsWith('note:'));
  const notices = (c: RecordingProvider) => c.ofType(MASS_DELETE_TYPE).map((m) => parseMassDeleteNotice(m)!);
  const latest = (c: RecordingProvider, check: (n: MassDeleteNotice) => boolean) =>
    waitFor(() => notices(c).findLast(check), { what: 'the mass-removal notice' });

  it('delete-all in one transaction: a checkpoint holds the notes, the facilitator is told, one restore brings them back', async () => {
    const { join, editor, api } = await boardWithNotes(40);
    const facilitator = await join('facilitator');
    // A raw client, bypassing the commands: every note key deleted in one transaction.
    editor.doc.transact(() => noteKeys(editor.doc).forEach((k) => recordsMap(editor.doc).delete(k)));
    await waitForAck(editor.provider);

    const notice = await latest(facilitator, (n) => n.notes === 40);
    expect(notice).toMatchObject({ by: 'Ann', notes: 40, records: 40 });
    const { checkpoints } = await api<CheckpointListResponse>('/checkpoints');
    expect(checkpoints.find((c) => c.id === notice.checkpointId)).toMatchObject({
      kind: 'before-mass-delete',
      noteCount: 40,
      label: 'Before Ann removed 40 notes',
    });

    await waitFor(() => noteKeys(facilitator.doc).length === 0, { what: 'the removal to reach the facilitator' });
    const restored = await api<RestoreCheckpointResponse>(`/checkpoints/${notice.checkpointId}/restore`, 'POST');
    await waitFor(() => noteKeys(facilitator.doc).length === 40 && noteKeys(editor.doc).length === 40, {
      what: 'the notes to come back for everyone',
    });
    // The restore is undoable: the board just before it is a checkpoint too.
    expect(restored.before).toMatchObject({ kind: 'before-restore', noteCount: 0 });
  });

  it('removing notes one by one within a minute adds up; the checkpoint holds every one of them', async () => {
    const { join, editor, api } = await boardWithNotes(30);
    const facilitator = await join('facilitator');
    for (const key of noteKeys(editor.doc).slice(0, 25)) recordsMap(editor.doc).delete(key);
    await waitForAck(editor.provider);

    const notice = await latest(facilitator, (n) => n.notes === 25);
    const { checkpoints } = await api<CheckpointListResponse>('/checkpoints');
    expect(checkpoints.find((c) => c.id === notice.checkpointId)).toMatchObject({
      kind: 'before-mass-delete',
      noteCount: 30,
    });
    await api(`/checkpoints/${notice.checkpointId}/restore`, 'POST');
    await waitFor(() => noteKeys(facilitator.doc).length === 30, { what: 'all 30 notes back' });
  });

  it('a facilitator who arrives afterwards still gets the notice; everyday edits and small deletions keep no checkpoint', async () => {
    const { join, editor, api } = await boardWithNotes(40);
    const keys = noteKeys(editor.doc);
    executeCommand(editor.doc, ann, 'deleteNotes', { noteIds: keys.slice(0, 2) as never });
    executeCommand(editor.doc, ann, 'editNoteText', { noteId: keys[5] as never, text: 'Edited' });
    await waitForAck(editor.provider);
    expect(
      (await api<CheckpointListResponse>('/checkpoints')).checkpoints.filter((c) => c.kind === 'before-mass-delete'),
    ).toEqual([]);

    executeCommand(editor.doc, ann, 'deleteNotes', { noteIds: keys.slice(2) as never });
    await waitForAck(editor.provider);
    const late = await join('facilitator');
    // The first two were removed by the same connection within the minute: one run of 40.
    expect((await latest(late, () => true)).notes).toBe(40);
  });
});
