import { describe, expect, it } from 'vitest';
import { newRecordMap, recordsMap } from '../../shared/doc/boardDoc.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import { ROUND_DEFAULTS } from '../../shared/schema/round.ts';
import { waitFor } from '../testing/providers.ts';
import { testBoards } from '../testing/testBoards.ts';
import { VotingClient } from '../testing/votingClient.ts';
import { fran, ann } from '../testing/people.ts';

describe('RoundGuard', () => {
  const boards = testBoards(VotingClient.connect);

  it('a client that forges, changes or deletes a round record is undone from the database', async () => {
    const { facilitator, editor } = await boards.workshop();
    const idea = editor.notes('idea')[0]!;
    const roundId = await facilitator.start({ title: 'Real', dotsPerPerson: 2 });
    await editor.dot(roundId, idea.id);
    await editor.dot(roundId, idea.id);
    await facilitator.close(roundId);
    await waitFor(() => readBoard(editor.doc).rounds.length === 1, { what: 'the round record' });
    const records = recordsMap(editor.doc);

    // Change a field of the real round: the server writes the stored totals back.
    editor.doc.transact(() => records.get(roundId)!.set('totals', { [idea.id]: 99 }), ORIGIN.local);
    await waitFor(
      () =>
        readBoard(facilitator.doc).rounds[0]?.totals[idea.id] === 2 &&
        readBoard(editor.doc).rounds[0]?.totals[idea.id] === 2,
      {
        what: 'the totals to be restored everywhere',
      },
    );
    // Forge a round that was never revealed: removed.
    editor.doc.transact(
      () => records.set('round:forged0000000000', newRecordMap({ ...ROUND_DEFAULTS, totals: { [idea.id]: 50 } })),
      ORIGIN.local,
    );
    await waitFor(() => !records.has('round:forged0000000000') && readBoard(facilitator.doc).rounds.length === 1, {
      what: 'the forged round to go',
    });
    // Delete the real one: written back.
    editor.doc.transact(() => records.delete(roundId), ORIGIN.local);
    await waitFor(() => readBoard(editor.doc).rounds[0]?.id === roundId, { what: 'the deleted round to come back' });
    expect(readBoard(editor.doc).rounds[0]).toMatchObject({ title: 'Real', totals: { [idea.id]: 2 }, voterCount: 1 });
    expect(editor.raw.some((p) => p.includes('written by the server only'))).toBe(true);
  });

  it('a round record lost from the document (a reveal interrupted before its write) is written again when the board loads', async () => {
    const { id, join } = await boards.board();
    const facilitator = await join('facilitator', fran);
    const idea = facilitator.notes('idea')[0]!;
    const roundId = await facilitator.start({ title: 'Lost', dotsPerPerson: 1 });
    await facilitator.dot(roundId, idea.id);
    await facilitator.close(roundId);
    await waitFor(() => readBoard(facilitator.doc).rounds.length === 1);
    // Remove it with the server's own origin (not a client change, so no guard), then unload the board.
    const live = boards.server.server.hocuspocus.documents.get(id)!;
    live.transact(() => recordsMap(live).delete(roundId), ORIGIN.server);
    await waitFor(() => readBoard(facilitator.doc).rounds.length === 0);
    boards.disconnect();
    await waitFor(() => !boards.server.server.hocuspocus.documents.has(id), { what: 'the board to unload' });
    const again = await join('viewer', ann);
    expect(await waitFor(() => readBoard(again.doc).rounds[0])).toMatchObject({
      id: roundId,
      totals: { [idea.id]: 1 },
    });
  });

  it('on load, a round record the database does not know (a board restored from a backup) is kept, not removed', async () => {
    const { id, join } = await boards.board();
    const first = await join('viewer', ann);
    const live = boards.server.server.hocuspocus.documents.get(id)!;
    live.transact(
      () => recordsMap(live).set('round:frombackup000001', newRecordMap({ ...ROUND_DEFAULTS, title: 'Restored' })),
      ORIGIN.server,
    );
    await waitFor(() => readBoard(first.doc).rounds.length === 1);
    boards.disconnect();
    await waitFor(() => !boards.server.server.hocuspocus.documents.has(id), { what: 'the board to unload' });
    const again = await join('viewer', ann);
    expect(readBoard(again.doc).rounds.map((r) => r.title)).toEqual(['Restored']);
  });
});
