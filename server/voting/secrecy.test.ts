import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/snapshot.ts';
import { VOTING } from '../../shared/protocol/voting.ts';
import { waitFor } from '../testing/providers.ts';
import { testBoards } from '../testing/testBoards.ts';
import { secrecyCast } from '../testing/people.ts';
import { VotingClient } from '../testing/votingClient.ts';

const { editor: ann, observer: bo } = secrecyCast;

describe('Ballots are secret until reveal', () => {
  const boards = testBoards(VotingClient.connect);

  it('while a round is open no other client sees anyone’s ballot: not in the document, not in awareness, not in any message it receives', async () => {
    const { join, facilitator, editor: voter } = await boards.workshop({}, secrecyCast);
    const observer = await join('editor', bo);
    // Everything the observer's document receives, as raw update bytes.
    const updates: Uint8Array[] = [];
    observer.doc.on('update', (u: Uint8Array) => updates.push(u));
    // The voter's app also publishes presence, as the real client does (it must not carry votes).
    voter.provider.setAwarenessField('user', { id: ann.id, name: ann.name });

    const [pain1, pain2] = voter.notes('pain');
    const idea = voter.notes('idea')[0]!;
    const docBefore = JSON.stringify(observer.doc.toJSON());
    const roundId = await facilitator.start({ title: 'Secret', dotsPerPerson: 3 });
    const observerMark = observer.mark();
    const facilitatorMark = facilitator.mark();
    for (const note of [pain1!, pain1!, pain2!]) {
      expect(await voter.dot(roundId, note.id)).toMatchObject({ type: VOTING.ballot });
    }
    // The facilitator has heard that Annabel has no dots left (so the server has processed her votes)...
    await waitFor(() => facilitator.lastState()?.pending?.every((p) => p.personId !== ann.id), {
      what: 'the facilitator to see Annabel done',
    });
    // ...and the observer has received nothing at all because of them (not even a hint of timing).
    expect(observer.raw.length).toBe(observerMark);
    // The observer votes too, on another note, and gets only its own ballot back.
    expect(await observer.dot(roundId, idea.id)).toMatchObject({ type: VOTING.ballot, dots: { [idea.id]: 1 } });

    const votedNotes = [pain1!.id, pain2!.id];
    // Not in any message the observer received since the round opened (all of them, unparsed).
    const heard = observer.raw.slice(observerMark);
    expect(heard.length).toBeGreaterThan(0);
    for (const payload of heard) {
      for (const secret of [...votedNotes, ann.id, ann.name]) expect(payload).not.toContain(secret);
    }
    // The facilitator hears who still has dots, but never which notes anyone chose.
    for (const payload of facilitator.raw.slice(facilitatorMark)) {
      for (const noteId of [...votedNotes, idea.id]) expect(payload).not.toContain(noteId);
    }
    // Not in the document: the votes changed nothing in it, and no update the observer got names the voter.
    expect(JSON.stringify(observer.doc.toJSON())).toBe(docBefore);
    expect(readBoard(observer.doc).rounds).toEqual([]);
    const bytes = new TextDecoder().decode(Y.mergeUpdates(updates.length > 0 ? updates : [new Uint8Array([0, 0])]));
    expect(bytes).not.toContain(ann.id);
    // Not in awareness: no state anyone publishes mentions a voted note.
    const awareness = JSON.stringify([...observer.provider.awareness!.getStates().values()]);
    for (const noteId of votedNotes) expect(awareness).not.toContain(noteId);

    // After the reveal everyone has the same totals, through the document.
    await facilitator.close(roundId);
    const round = await waitFor(() => readBoard(observer.doc).rounds[0], { what: 'the revealed round' });
    expect(round.totals).toEqual({ [pain1!.id]: 2, [pain2!.id]: 1, [idea.id]: 1 });
  });
});
