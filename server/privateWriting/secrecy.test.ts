import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/snapshot.ts';
import { PRIVATE } from '../../shared/protocol/privateWriting.ts';
import { PrivateWritingClient } from '../testing/privateWritingClient.ts';
import { waitFor } from '../testing/providers.ts';
import { testBoards } from '../testing/testBoards.ts';
import { secrecyCast } from '../testing/people.ts';

const { editor: ann, observer: bo } = secrecyCast;

const SECRET = 'Refunds take 30 days zqx';
const SECRET_EDITED = 'Refunds take 45 days wvk';

describe('Drafts are private until the reveal', () => {
  const boards = testBoards(PrivateWritingClient.connect);

  it('while a phase is open no other client, the facilitator included, sees a draft: not in the document, not in awareness, not in any message; only counts', async () => {
    const { join, facilitator, editor: author } = await boards.workshop({}, secrecyCast);
    const observer = await join('editor', bo);
    const updates: Uint8Array[] = [];
    observer.doc.on('update', (u: Uint8Array) => updates.push(u));
    author.provider.setAwarenessField('user', { id: author.person.id, name: ann.name });

    const [s0, s1] = readBoard(author.doc).stages;
    const lanes = readBoard(author.doc).lanes;
    const phaseId = await facilitator.start();
    const docBefore = JSON.stringify(observer.doc.toJSON());
    const observerMark = observer.mark();
    const facilitatorMark = facilitator.mark();

    const added = await author.add(s0!.id, lanes[2]!.id, SECRET);
    if (added.type !== PRIVATE.draft) throw new Error(JSON.stringify(added));
    const draftId = added.draft.id;
    await author.update(draftId, { text: SECRET_EDITED, stageId: s1!.id, laneId: lanes[3]!.id });
    // The facilitator has heard the count (so the server has processed the author's messages)...
    await waitFor(
      () =>
        facilitator.messages.some(
          (m) => m.type === PRIVATE.writers && m.writers.some((w) => w.personId === author.person.id && w.count === 1),
        ),
      { what: 'the count' },
    );
    await waitFor(
      () => observer.messages.some((m) => m.type === PRIVATE.writers && m.writers.some((w) => w.count === 1)),
      { what: 'the count at the observer' },
    );

    // ...and neither it nor the observer received the text, the id or the cells.
    const secrets = [SECRET, SECRET_EDITED, draftId, s1!.id, lanes[3]!.id, lanes[2]!.id];
    for (const [who, mark] of [
      [observer, observerMark],
      [facilitator, facilitatorMark],
    ] as const) {
      const heard = who.raw.slice(mark);
      expect(heard.length).toBeGreaterThan(0);
      for (const payload of heard) for (const secret of secrets) expect(payload).not.toContain(secret);
      // Only counts: every message since the phase opened is a `private:writers` count.
      for (const payload of heard) expect(JSON.parse(payload)).toMatchObject({ type: PRIVATE.writers });
    }
    // A fresh connection that says hello hears the phase and the counts, never the draft.
    const late = await join('editor', bo);
    expect(late.lastState()).toMatchObject({ drafts: [], writers: [{ personId: author.person.id, count: 1 }] });
    for (const payload of late.raw) for (const secret of secrets) expect(payload).not.toContain(secret);
    // Claiming a draft id of someone else gets "not found", not the draft.
    expect(await observer.update(draftId, { text: 'peek' })).toMatchObject({ code: 'draft-not-found' });

    // Not in the document: nothing changed in it, and no update the observer got carries the text.
    expect(JSON.stringify(observer.doc.toJSON())).toBe(docBefore);
    const bytes = new TextDecoder().decode(Y.mergeUpdates(updates.length > 0 ? updates : [new Uint8Array([0, 0])]));
    expect(bytes).not.toContain(SECRET_EDITED);
    // Not in awareness.
    const awareness = JSON.stringify([...observer.provider.awareness!.getStates().values()]);
    for (const secret of secrets) expect(awareness).not.toContain(secret);

    // After the reveal everyone has the note, through the document.
    await facilitator.close(phaseId);
    const note = await waitFor(() => readBoard(observer.doc).notes.find((n) => n.text === SECRET_EDITED), {
      what: 'the revealed note',
    });
    expect(note).toMatchObject({ authorId: author.person.id, position: { stageId: s1!.id, laneId: lanes[3]!.id } });
  });
});
