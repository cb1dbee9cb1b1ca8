import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../shared/doc/boardDoc.ts';
import { executeCommand, pathNoteIds, pathsFrom, readBoard, type NoteId } from '../shared/index.ts';
import { HAPPY_PATH_ID } from '../shared/schema/path.ts';
import {
  pathRoundSettings,
  VOTING,
  type VotingBallotMessage,
  type VotingRefusedMessage,
} from '../shared/protocol/voting.ts';
import { fran } from './testing/people.ts';
import { awarenessFence, connectProvider, waitFor, waitForAck } from './testing/providers.ts';
import { testBoards } from './testing/testBoards.ts';
import { VotingClient } from './testing/votingClient.ts';

const ann = { id: 'ann', name: 'Ann', department: 'marketing' } as const;

/** Three notes of the board joined a → b → c by the model, as an editor draws them. */
function drawChain(doc: Y.Doc, notes: readonly NoteId[]) {
  const [a, b, c] = notes;
  const ab = executeCommand(doc, ann, 'addConnector', { from: a!, to: b! });
  const bc = executeCommand(doc, ann, 'addConnector', { from: b!, to: c! });
  return [ab, bc] as const;
}

describe('paths on the server', () => {
  const boards = testBoards((wsUrl, boardId, token) => connectProvider(wsUrl, boardId, { token }));

  it('a raw provider’s malformed happy path is repaired everywhere, and a path under another id removed', async () => {
    const board = await boards.board();
    const editor = await board.join('editor');
    const viewer = await board.join('viewer');
    const [ab, bc] = drawChain(
      editor.document,
      readBoard(editor.document).notes.map((n) => n.id),
    );
    editor.document.transact(() => {
      const records = recordsMap(editor.document) as unknown as Y.Map<unknown>;
      const path = (connectors: unknown) => {
        const rec = new Y.Map<unknown>();
        rec.set('connectors', connectors);
        return rec;
      };
      records.set(HAPPY_PATH_ID, path([ab, 'note:notaconnector', 7, bc]));
      records.set('path:sneaky00000001', path([ab]));
    });
    const serverDoc = boards.server.server.hocuspocus.documents.get(board.id)!;
    for (const doc of [serverDoc, viewer.document, editor.document])
      await waitFor(
        () =>
          JSON.stringify(recordsMap(doc).get(HAPPY_PATH_ID)?.get('connectors')) === JSON.stringify([ab, bc]) &&
          !recordsMap(doc).has('path:sneaky00000001'),
        { what: 'the repaired happy path everywhere' },
      );
    expect(readBoard(viewer.document).happyPath?.connectorIds).toEqual([ab, bc]);
  });

  // A viewer sees paths on the canvas and the outline (issue 27), never writes them.
  it.each(['commenter', 'viewer'] as const)('a %s cannot mark or clear the happy path; an editor can', async (role) => {
    const board = await boards.board();
    const editor = await board.join('editor');
    const commenter = await board.join(role);
    const steps = drawChain(
      editor.document,
      readBoard(editor.document).notes.map((n) => n.id),
    );
    await waitForAck(editor);
    await waitFor(() => readBoard(commenter.document).connectors.length === 2, {
      what: 'the commenter to see the connectors',
    });
    executeCommand(commenter.document, ann, 'markHappyPath', { connectorIds: [...steps] });
    await awarenessFence(commenter, editor);
    const onServer = () => readBoard(boards.server.server.hocuspocus.documents.get(board.id)!);
    expect(onServer().happyPath).toBeNull();
    executeCommand(editor.document, ann, 'markHappyPath', { connectorIds: [...steps] });
    await waitForAck(editor);
    await waitFor(() => readBoard(commenter.document).happyPath?.connectorIds.length === 2, {
      what: 'the commenter to see the editor’s happy path (their own write was undone)',
    });
    executeCommand(commenter.document, ann, 'clearHappyPath', {});
    await awarenessFence(commenter, editor);
    expect(onServer().happyPath?.connectorIds).toEqual([...steps]);
  });
});

describe('a voting round on one path', () => {
  const boards = testBoards(VotingClient.connect);
  const refused = (m: VotingBallotMessage | VotingRefusedMessage) => (m.type === VOTING.refused ? m.code : null);

  it('takes dots on the path’s notes and refuses a dot on any other note, a pain point included', async () => {
    const { facilitator, editor } = await boards.workshop({}, { facilitator: fran });
    const board = readBoard(editor.doc);
    const [touch1, touch2] = board.notes.filter((n) => n.kind === 'touchpoint');
    const [painOnPath, painElsewhere] = board.notes.filter((n) => n.kind === 'pain');
    executeCommand(editor.doc, ann, 'addConnector', { from: touch1!.id, to: touch2!.id });
    executeCommand(editor.doc, ann, 'addConnector', { from: touch2!.id, to: painOnPath!.id, kind: 'drop-out' });
    await waitForAck(editor.provider);
    const path = pathsFrom(readBoard(editor.doc), touch1!.id).paths[0]!;
    expect(pathNoteIds(path)).toEqual([touch1!.id, touch2!.id, painOnPath!.id]);
    const roundId = await facilitator.start(pathRoundSettings('Checkout path', pathNoteIds(path)));
    expect(await editor.dot(roundId, touch2!.id)).toMatchObject({ type: VOTING.ballot, dots: { [touch2!.id]: 1 } });
    expect(await editor.dot(roundId, painOnPath!.id)).toMatchObject({ type: VOTING.ballot });
    expect(refused(await editor.dot(roundId, painElsewhere!.id))).toBe('not-votable');
    expect(refused(await editor.dot(roundId, board.notes.find((n) => n.kind === 'idea')!.id))).toBe('not-votable');
  });
});
