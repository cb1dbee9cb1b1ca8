import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import {
  VOTING,
  type VotingBallotMessage,
  type VotingRefusedMessage,
  type VotingStateMessage,
} from '../../shared/protocol/voting.ts';
import { testBoards } from '../testing/testBoards.ts';
import { waitFor } from '../testing/providers.ts';
import { isMessageOf } from './HeldMessages.ts';
import { VotingClient } from '../testing/votingClient.ts';
import { fran, ann, cy, vic } from '../testing/people.ts';

const refused = (m: VotingBallotMessage | VotingRefusedMessage) => (m.type === VOTING.refused ? m.code : null);

describe('Voting (secret dot-voting rounds)', () => {
  const boards = testBoards(VotingClient.connect);

  it('enforces the budget, the cap per note, lane budgets and votable kinds; commenters vote, viewers are refused', async () => {
    const { join, facilitator, editor } = await boards.workshop();
    const commenter = await join('commenter', cy);
    const viewer = await join('viewer', vic);
    const [pain1, pain2] = editor.notes('pain');
    const [idea1, idea2] = editor.notes('idea');
    const touchpoint = editor.notes('touchpoint')[0]!;
    const roundId = await facilitator.start({
      title: 'Fix first',
      dotsPerPerson: 3,
      capPerNote: 2,
      laneBudgets: { [pain1!.position.laneId]: 2 },
    });

    expect(await editor.dot(roundId, pain1!.id)).toMatchObject({
      type: VOTING.ballot,
      dots: { [pain1!.id]: 1 },
      remaining: 2,
    });
    expect(await editor.dot(roundId, pain1!.id)).toMatchObject({
      dots: { [pain1!.id]: 2 },
      remaining: 1,
      remainingByLane: { [pain1!.position.laneId]: 0 },
    });
    expect(refused(await editor.dot(roundId, pain1!.id))).toBe('lane-budget-spent');
    expect(refused(await editor.dot(roundId, pain2!.id))).toBe('lane-budget-spent');
    expect(refused(await editor.dot(roundId, touchpoint.id))).toBe('not-votable');
    expect(refused(await editor.dot(roundId, 'note:doesnotexist'))).toBe('note-not-found');
    expect(await editor.dot(roundId, idea1!.id)).toMatchObject({ remaining: 0 });
    const over = await editor.dot(roundId, idea2!.id);
    expect(over).toMatchObject({
      type: VOTING.refused,
      code: 'budget-spent',
      request: VOTING.place,
      noteId: idea2!.id,
    });
    expect((over as VotingRefusedMessage).message).toMatch(/all 3 of your dots/);
    // Taking one back frees it.
    expect(await editor.dot(roundId, idea1!.id, 'remove')).toMatchObject({ remaining: 1 });
    expect(refused(await editor.dot(roundId, idea1!.id, 'remove'))).toBe('no-dot-here');

    // The cap per note applies without a lane budget too (ideas have none).
    expect(await commenter.dot(roundId, idea1!.id)).toMatchObject({ type: VOTING.ballot, remaining: 2 });
    expect(await commenter.dot(roundId, idea1!.id)).toMatchObject({ type: VOTING.ballot, remaining: 1 });
    expect(refused(await commenter.dot(roundId, idea1!.id))).toBe('note-cap');

    expect(refused(await viewer.dot(roundId, idea2!.id))).toBe('not-allowed');
    expect(viewer.lastState()?.you).toMatchObject({ canVote: false });
  });

  it('the facilitator sees who still has dots and how many, never what they voted; a facilitator who does not vote is refused', async () => {
    const { join, facilitator, editor } = await boards.workshop();
    await join('commenter', cy);
    const idea = editor.notes('idea')[0]!;
    const roundId = await facilitator.start({ title: 'Quick', dotsPerPerson: 1, facilitatorVotes: false });
    await waitFor(() => facilitator.lastState()?.pending?.length === 2, { what: 'both participants pending' });
    expect(
      facilitator
        .lastState()
        ?.pending?.map((p) => [p.name, p.remaining])
        .sort(),
    ).toEqual([
      ['Ann', 1],
      ['Cy', 1],
    ]);
    expect(editor.lastState()?.pending).toBeNull();
    await editor.dot(roundId, idea.id);
    await waitFor(
      () =>
        facilitator
          .lastState()
          ?.pending?.map((p) => p.name)
          .join() === 'Cy',
      { what: 'Ann to leave the pending list' },
    );
    expect(refused(await facilitator.dot(roundId, idea.id))).toBe('facilitator-not-voting');
  });

  it('refuses a raw provider that never said hello or votes after the round closed; an id in hello changes nothing', async () => {
    const { id, tokens, facilitator, editor } = await boards.workshop();
    const idea = editor.notes('idea')[0]!;
    const roundId = await facilitator.start({ title: 'One', dotsPerPerson: 2 });

    const anonymous = await boards.join(id, tokens.editor, cy, { hello: false });
    expect(refused(await anonymous.dot(roundId, idea.id))).toBe('not-identified');

    // An id in hello is ignored: the connection stays the person the server proved for it.
    const mark = editor.mark();
    editor.send({ type: VOTING.hello, person: cy });
    await editor.next((m) => m.type === VOTING.state, mark);
    expect(editor.messages.slice(mark).some((m) => m.type === VOTING.refused)).toBe(false);

    const garbage = editor.mark();
    editor.send({ type: VOTING.place, roundId, noteId: 'not-a-note' });
    expect(await editor.next((m) => m.type === VOTING.refused, garbage)).toMatchObject({ code: 'invalid-message' });

    await editor.dot(roundId, idea.id);
    expect(await facilitator.close(roundId)).toMatchObject({
      type: VOTING.state,
      round: null,
      event: { kind: 'revealed', roundId },
    });
    expect(refused(await editor.dot(roundId, idea.id))).toBe('round-closed');
    expect(refused(await editor.dot(roundId, idea.id, 'remove'))).toBe('round-closed');
    expect(await facilitator.close(roundId)).toMatchObject({ type: VOTING.refused, code: 'round-closed' });
  });

  it('a review round takes dots only on its listed notes: a raw provider’s dot on another pain point of the same kind is refused', async () => {
    const { facilitator, editor } = await boards.workshop();
    const [listed, other] = editor.notes('pain');
    const idea = editor.notes('idea')[0]!;
    // As "Start a review" opens it: no kind or lane, only the sliding stage's pain points.
    const roundId = await facilitator.start({
      title: 'Review: Checkout',
      dotsPerPerson: 3,
      votableKinds: [],
      votableLaneIds: [],
      votableNoteIds: [listed!.id],
    });
    expect(await editor.dot(roundId, listed!.id)).toMatchObject({ type: VOTING.ballot, dots: { [listed!.id]: 1 } });
    // The client shows no dot target on these; the messages below are what an outside client sends.
    for (const noteId of [other!.id, idea.id]) {
      const answer = await editor.dot(roundId, noteId);
      expect(answer).toMatchObject({ type: VOTING.refused, code: 'not-votable', noteId });
    }
    expect(await editor.dot(roundId, listed!.id)).toMatchObject({ dots: { [listed!.id]: 2 }, remaining: 1 });
    // Revealed, the round holds dots on the listed note only.
    await facilitator.close(roundId);
    const round = await waitFor(() => readBoard(facilitator.doc).rounds.find((r) => r.id === roundId), {
      what: 'the round record',
    });
    expect(round.totals).toEqual({ [listed!.id]: 2 });
  });

  it('an editor cannot start or reveal a round: RoleAccess closes the connection', async () => {
    const { join } = await boards.board();
    const editor = await join('editor', ann);
    const closed = new Promise<string>((resolve) =>
      editor.provider.on('close', ({ event }: { event: CloseEvent }) => resolve(event.reason)),
    );
    editor.send({ type: VOTING.start, settings: { title: 'Mine' } });
    expect(await closed).toBe('forbidden-message');
  });

  it('reveal writes one round record with the totals (named: dots per person) and a vote-reveal checkpoint', async () => {
    const { id, join, facilitator, editor } = await boards.workshop();
    const commenter = await join('commenter', cy);
    const [pain1, pain2] = editor.notes('pain');
    const roundId = await facilitator.start({ title: 'Named one', dotsPerPerson: 3, anonymous: false });
    await editor.dot(roundId, pain1!.id);
    await editor.dot(roundId, pain1!.id);
    await commenter.dot(roundId, pain1!.id);
    await commenter.dot(roundId, pain2!.id);
    await facilitator.dot(roundId, pain2!.id);
    await facilitator.close(roundId);

    // Every client, including the viewer-less observer, gets the same record through the document.
    const round = await waitFor(() => readBoard(commenter.doc).rounds[0], { what: 'the round record to arrive' });
    expect(round).toMatchObject({
      id: roundId,
      title: 'Named one',
      anonymous: false,
      voterCount: 3,
      totals: { [pain1!.id]: 3, [pain2!.id]: 2 },
    });
    expect(round.notes[pain1!.id]).toMatchObject({ text: pain1!.text, kind: 'pain', laneId: pain1!.position.laneId });
    expect(round.byPerson?.map((p) => [p.name, p.dots]).sort()).toEqual([
      ['Ann', { [pain1!.id]: 2 }],
      ['Cy', { [pain1!.id]: 1, [pain2!.id]: 1 }],
      ['Fran', { [pain2!.id]: 1 }],
    ]);
    // Three voters from three departments: no department has 3 voters, so none is shown.
    expect(round.byDepartment).toEqual({});
    const checkpoints = await boards.server.server.checkpoints.list(id);
    expect(checkpoints.filter((c) => c.kind === 'vote-reveal').map((c) => c.label)).toEqual([
      'Votes revealed: Named one',
    ]);
    // A new round can start after the reveal.
    expect(await facilitator.start({ title: 'Second' })).toMatch(/^round:/);
  });

  it('an anonymous round leaves no voter id, name or ballot anywhere in the document; departments with 3 voters are split', async () => {
    const { join } = await boards.board();
    const facilitator = await join('facilitator', fran);
    const voters = [
      await join('editor', { id: 'user-s1', name: 'Sam', department: 'sales' }),
      await join('editor', { id: 'user-s2', name: 'Sue', department: 'sales' }),
      await join('commenter', { id: 'user-s3', name: 'Sid', department: 'sales' }),
      await join('editor', ann), // sales too: 4 sales voters
      await join('editor', { id: 'user-p1', name: 'Pat', department: 'product' }),
    ];
    const idea = voters[0]!.notes('idea')[0]!;
    const roundId = await facilitator.start({ title: 'Anonymous one', dotsPerPerson: 2 });
    for (const v of voters) await v.dot(roundId, idea.id);
    await facilitator.close(roundId);
    const round = await waitFor(() => readBoard(voters[0]!.doc).rounds[0], { what: 'the round record' });
    expect(round).toMatchObject({ anonymous: true, voterCount: 5, totals: { [idea.id]: 5 }, byPerson: null });
    expect(round.byDepartment).toEqual({ sales: { voters: 4, totals: { [idea.id]: 4 } } }); // product (1 voter) hidden
    const everything =
      JSON.stringify(voters[0]!.doc.toJSON()) + new TextDecoder().decode(Y.encodeStateAsUpdate(voters[0]!.doc));
    for (const v of [...voters.map((c) => c.person), fran]) {
      expect(everything).not.toContain(v.id);
    }
    for (const name of ['Sam', 'Sue', 'Sid', 'Pat']) expect(everything).not.toContain(name);
  });

  it('a note deleted during the round gives its dots back and tells each voter', async () => {
    const { join, facilitator, editor } = await boards.workshop();
    const commenter = await join('commenter', cy);
    const [pain1, pain2] = editor.notes('pain');
    const roundId = await facilitator.start({ title: 'Refunds', dotsPerPerson: 3 });
    await editor.dot(roundId, pain1!.id);
    await editor.dot(roundId, pain2!.id);
    await commenter.dot(roundId, pain1!.id);
    const markEditor = editor.mark();
    const markCommenter = commenter.mark();
    editor.doc.transact(() => recordsMap(editor.doc).delete(pain1!.id), ORIGIN.local);
    const mine = await editor.next<VotingBallotMessage>(
      (m) => m.type === VOTING.ballot && m.refunded.length > 0,
      markEditor,
      'the refund',
    );
    expect(mine).toMatchObject({ dots: { [pain2!.id]: 1 }, remaining: 2, refunded: [pain1!.id] });
    const theirs = await commenter.next<VotingBallotMessage>(
      (m) => m.type === VOTING.ballot,
      markCommenter,
      'the refund',
    );
    expect(theirs).toMatchObject({ dots: {}, remaining: 3, refunded: [pain1!.id] });
    await facilitator.close(roundId);
    const round = await waitFor(() => readBoard(editor.doc).rounds[0], { what: 'the round record' });
    expect(round.totals).toEqual({ [pain2!.id]: 1 });
  });

  it('a reconnecting participant gets their ballot again; cancelling a round writes nothing to the document', async () => {
    const { join, facilitator, editor: first } = await boards.workshop();
    const idea = first.notes('idea')[0]!;
    const roundId = await facilitator.start({ title: 'Reconnect', dotsPerPerson: 4 });
    await first.dot(roundId, idea.id);
    await first.dot(roundId, idea.id);
    first.destroy();

    const again = await join('editor', ann);
    const ballot = await again.next<VotingBallotMessage>(
      (m) => m.type === VOTING.ballot,
      0,
      'the ballot after reconnecting',
    );
    expect(ballot).toMatchObject({ roundId, dots: { [idea.id]: 2 }, remaining: 2 });
    expect(again.lastState()?.round).toMatchObject({ id: roundId, settings: { title: 'Reconnect', dotsPerPerson: 4 } });
    // The budget is per person across connections: a second tab shares it.
    const secondTab = await join('editor', ann);
    await secondTab.dot(roundId, idea.id);
    await secondTab.dot(roundId, idea.id);
    expect(refused(await again.dot(roundId, idea.id))).toBe('budget-spent');

    expect(await facilitator.close(roundId, 'cancel')).toMatchObject({
      round: null,
      event: { kind: 'cancelled', roundId },
    });
    await waitFor(() => again.lastState()?.event?.kind === 'cancelled', { what: 'everyone to hear of the cancel' });
    expect(readBoard(again.doc).rounds).toEqual([]);
    expect([...recordsMap(facilitator.doc).keys()].filter((k) => k.startsWith('round:'))).toEqual([]);
  });

  it('an open round survives a server restart on the same SQLite file, even days after it opened; a passed time limit reveals it', async () => {
    const dataDir = boards.dataDir();
    const first = await boards.workshop({ dataDir });
    const { facilitator, editor } = first;
    const idea = editor.notes('idea')[0]!;
    const roundId = await facilitator.start({ title: 'Async', dotsPerPerson: 2 });
    await editor.dot(roundId, idea.id);
    await boards.stop();
    // Five days later (the round has no time limit): rewrite its opening time on disk.
    const { DatabaseSync } = await import('node:sqlite');
    const { sqlitePath } = await import('../storage/database.ts');
    const raw = new DatabaseSync(sqlitePath(dataDir));
    raw.prepare('UPDATE voting_rounds SET opened_at = opened_at - ? WHERE id = ?').run(5 * 24 * 3600_000, roundId);

    await boards.start({ dataDir });
    const back = await first.join('editor', ann);
    expect(await back.next<VotingBallotMessage>((m) => m.type === VOTING.ballot, 0)).toMatchObject({
      roundId,
      dots: { [idea.id]: 1 },
      remaining: 1,
    });
    expect(await back.dot(roundId, idea.id)).toMatchObject({ remaining: 0 });

    // A time limit that ran out while the server was down reveals the round when it starts again.
    const fac = await first.join('facilitator', fran);
    expect(await fac.close(roundId, 'cancel')).toMatchObject({ event: { kind: 'cancelled' } });
    const timed = await fac.start({ title: 'Timed', dotsPerPerson: 2, timeLimitMinutes: 3 * 24 * 60 });
    expect(fac.lastState()?.round?.endsAt).toBe((fac.lastState()?.round?.openedAt ?? 0) + 3 * 24 * 3600_000);
    await back.dot(timed, idea.id);
    await boards.stop();
    raw.prepare('UPDATE voting_rounds SET ends_at = ? WHERE id = ?').run(Date.now() - 1000, timed);
    raw.close();
    await boards.start({ dataDir });
    const later = await first.join('viewer', vic);
    const round = await waitFor(() => readBoard(later.doc).rounds.find((r) => r.id === timed), {
      what: 'the timed round to be revealed by the server',
    });
    expect(round.totals).toEqual({ [idea.id]: 1 });
    expect(later.lastState()?.round ?? null).toBeNull();
  });

  it('the server reveals a round itself when its time limit passes, and clients get its clock with the state', async () => {
    const { facilitator, editor } = await boards.workshop();
    const roundId = await facilitator.start({ title: 'Timed', timeLimitMinutes: 1 });
    const state = editor.lastState() as VotingStateMessage;
    expect(state.round?.endsAt).toBe((state.round?.openedAt ?? 0) + 60_000);
    expect(Math.abs(state.now - Date.now())).toBeLessThan(5_000);
    await editor.dot(roundId, editor.notes('idea')[0]!.id);
    // Move the deadline into the past in the database; the next request notices and reveals.
    const raw = new (await import('node:sqlite')).DatabaseSync(
      (await import('../storage/database.ts')).sqlitePath(boards.server.dataDir),
    );
    raw.prepare('UPDATE voting_rounds SET ends_at = ? WHERE id = ?').run(Date.now() - 1, roundId);
    raw.close();
    expect(refused(await editor.dot(roundId, editor.notes('idea')[0]!.id))).toBe('round-closed');
    await waitFor(() => readBoard(editor.doc).rounds.length === 1, { what: 'the round record' });
    expect(
      await waitFor(() => facilitator.lastState()?.event?.kind === 'revealed' && facilitator.lastState()),
    ).toMatchObject({ event: { roundId } });
  });

  it('works the same on PostgreSQL: budgets, a restart with the round open, the reveal', async () => {
    await boards.onPostgres(async (pg) => {
      const first = await boards.workshop(pg);
      const { facilitator, editor } = first;
      const [pain1] = editor.notes('pain');
      const roundId = await facilitator.start({ title: 'On PostgreSQL', dotsPerPerson: 2 });
      await editor.dot(roundId, pain1!.id);
      await editor.dot(roundId, pain1!.id);
      expect(refused(await editor.dot(roundId, pain1!.id))).toBe('budget-spent');
      await boards.stop();

      await boards.start(pg);
      const back = await first.join('editor', ann);
      const fac = await first.join('facilitator', fran);
      expect(await back.next<VotingBallotMessage>((m) => m.type === VOTING.ballot, 0)).toMatchObject({
        roundId,
        dots: { [pain1!.id]: 2 },
        remaining: 0,
      });
      await fac.close(roundId);
      expect(await waitFor(() => readBoard(back.doc).rounds[0])).toMatchObject({
        id: roundId,
        totals: { [pain1!.id]: 2 },
        voterCount: 1,
      });
    });
  });
});

describe('isMessageOf', () => {
  it('goes by the parsed type, so another feature’s text that mentions "voting:" is not taken for a ballot', () => {
    expect(isMessageOf('voting:', JSON.stringify({ type: 'voting:place', roundId: 'r', noteId: 'n' }))).toBe(true);
    expect(isMessageOf('voting:', JSON.stringify({ type: 'private:add', text: 'Ask "voting:" in the survey' }))).toBe(
      false,
    );
    expect(isMessageOf('voting:', JSON.stringify({ type: 'journeyboard:timer', action: 'start' }))).toBe(false);
    expect(isMessageOf('voting:', '{"type":"voting:place",')).toBe(true); // broken JSON: refused with a reason
    expect(isMessageOf('voting:', 'not json')).toBe(false);
    expect(isMessageOf('private:', '{"type":"private:add",')).toBe(true);
  });
});
