import { describe, expect, it } from 'vitest';
import {
  BRING_EVERYONE_TYPE,
  CURSORS_TYPE,
  LOCK_TYPE,
  TIMER_TYPE,
  timerRemainingMs,
  VOTE_TOTALS_TYPE,
  WORKSHOP_REFUSED_TYPE,
} from '../../shared/protocol/workshop.ts';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { FlakyStore } from '../testing/flakyStore.ts';
import { waitFor } from '../testing/providers.ts';
import { createBoardWithLinks } from '../testing/testServer.ts';
import { testBoards } from '../testing/testBoards.ts';
import { recordingProvider, type RecordingProvider } from '../testing/workshopClients.ts';

describe('WorkshopControls', () => {
  const boards = testBoards<RecordingProvider>(recordingProvider);
  const join = (boardId: string, token: string) => boards.join(boardId, token);

  it('every connection gets the state on connect and after each change, with the server’s clock', async () => {
    const server = await boards.start();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    const editor = await join(id, tokens.editor);
    const viewer = await join(id, tokens.viewer);
    for (const c of [facilitator, editor, viewer]) expect(c.latestState()?.state.timer.status).toBe('idle');

    const before = Date.now();
    facilitator.send({ type: TIMER_TYPE, action: 'set', durationMs: 90_000 });
    facilitator.send({ type: TIMER_TYPE, action: 'start' });
    const seen = await Promise.all(
      [facilitator, editor, viewer].map((c) =>
        c.waitForState((m) => m.state.timer.status === 'running', 'the running timer'),
      ),
    );
    const endsAt = seen[0]!.state.timer.endsAt!;
    expect(endsAt).toBeGreaterThanOrEqual(before + 90_000);
    for (const m of seen) {
      expect(m.state.timer.endsAt).toBe(endsAt); // one deadline for everyone
      expect(m.now).toBeGreaterThanOrEqual(before);
      expect(timerRemainingMs(m.state.timer, m.now)).toBeGreaterThan(85_000);
    }
  });

  it('at the deadline the server ends the timer and, with lockOnEnd, locks the board with the facilitator gone', async () => {
    const server = await boards.start();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    const editor = await join(id, tokens.editor);
    facilitator.send({ type: TIMER_TYPE, action: 'set', durationMs: 1_000 });
    facilitator.send({ type: TIMER_TYPE, action: 'options', lockOnEnd: true });
    facilitator.send({ type: TIMER_TYPE, action: 'start' });
    await editor.waitForState((m) => m.state.timer.status === 'running', 'the start');
    facilitator.provider.destroy();

    const done = await editor.waitForState((m) => m.state.timer.status === 'done', 'the timer to end');
    expect(done.state.lock).toMatchObject({ locked: true, byTimer: true });
    expect((await server.server.store.workshop.loadWorkshopState(id)) as object).toMatchObject({
      timer: { status: 'done' },
      lock: { locked: true },
    });
  });

  it('a running timer survives a restart; a deadline that passed while the server was down is settled on load', async () => {
    const dataDir = boards.dataDir();
    let server = await boards.start({ dataDir });
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    facilitator.send({ type: TIMER_TYPE, action: 'set', durationMs: 600_000 });
    facilitator.send({ type: TIMER_TYPE, action: 'start' });
    const long = await facilitator.waitForState((m) => m.state.timer.status === 'running', 'the long run');
    await boards.stop();

    server = await boards.start({ dataDir });
    const back = await join(id, tokens.editor);
    expect(back.latestState()?.state.timer).toMatchObject({ status: 'running', endsAt: long.state.timer.endsAt });

    // Now a short run with lockOnEnd, and the server down across its deadline.
    const f2 = await join(id, tokens.facilitator);
    f2.send({ type: TIMER_TYPE, action: 'set', durationMs: 1_000 });
    f2.send({ type: TIMER_TYPE, action: 'options', lockOnEnd: true });
    f2.send({ type: TIMER_TYPE, action: 'start' });
    const short = await f2.waitForState(
      (m) => m.state.timer.status === 'running' && m.state.timer.durationMs === 1_000,
      'the short run',
    );
    await boards.stop();
    await waitFor(() => Date.now() > short.state.timer.endsAt! + 50, {
      what: 'the deadline to pass',
      timeoutMs: 5_000,
    });

    server = await boards.start({ dataDir });
    const later = await join(id, tokens.editor);
    expect(later.latestState()?.state.timer.status).toBe('done');
    expect(later.latestState()?.state.lock).toMatchObject({
      locked: true,
      byTimer: true,
      since: short.state.timer.endsAt,
    });
  });

  it('answers a malformed or impossible command to its sender only, and changes nothing', async () => {
    const server = await boards.start();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    const editor = await join(id, tokens.editor);
    facilitator.send({ type: TIMER_TYPE, action: 'set', durationMs: -5 });
    facilitator.send({ type: TIMER_TYPE, action: 'explode' });
    facilitator.send({ type: TIMER_TYPE, action: 'pause' });
    facilitator.send({ type: LOCK_TYPE, locked: 'yes' });
    await waitFor(() => facilitator.ofType(WORKSHOP_REFUSED_TYPE).length === 4, { what: 'four refusals' });
    expect(facilitator.ofType(WORKSHOP_REFUSED_TYPE).map((m) => (m as { message: string }).message)).toEqual([
      expect.stringContaining('durationMs'),
      expect.stringContaining('Invalid workshop command'),
      'The timer is not running.',
      expect.stringContaining('locked'),
    ]);
    expect(editor.ofType(WORKSHOP_REFUSED_TYPE)).toEqual([]);
    expect(await server.server.store.workshop.loadWorkshopState(id)).toBeNull(); // nothing was ever saved
    expect(facilitator.provider.isSynced).toBe(true); // still connected
  });

  it('hide cursors is workshop state; bring everyone relays the view to every other connection of the board', async () => {
    const server = await boards.start();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    const a = await join(id, tokens.editor);
    const b = await join(id, tokens.viewer);
    facilitator.send({ type: CURSORS_TYPE, hidden: true });
    await b.waitForState((m) => m.state.hideCursors, 'cursors hidden');

    const view = { x: 100, y: 200, width: 800, height: 500 };
    facilitator.send({ type: BRING_EVERYONE_TYPE, view, by: 'Fay' });
    for (const c of [a, b])
      await waitFor(() => c.ofType(BRING_EVERYONE_TYPE).length === 1, { what: 'the relayed view' });
    expect(a.ofType(BRING_EVERYONE_TYPE)[0]).toEqual({ type: BRING_EVERYONE_TYPE, view, by: 'Fay' });
    facilitator.send({ type: BRING_EVERYONE_TYPE, view: { ...view, width: -1 }, by: 'Fay' });
    await waitFor(() => facilitator.ofType(WORKSHOP_REFUSED_TYPE).length === 1, { what: 'the refusal of a bad view' });
    expect(facilitator.ofType(BRING_EVERYONE_TYPE)).toEqual([]); // never echoed to the sender
    expect(a.ofType(BRING_EVERYONE_TYPE)).toHaveLength(1);
  });

  it('vote totals off everyone’s board: only a facilitator flips it, for everyone and across a restart', async () => {
    const dataDir = boards.dataDir();
    let server = await boards.start({ dataDir });
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    const editor = await join(id, tokens.editor);
    const commenter = await join(id, tokens.commenter);
    const viewer = await join(id, tokens.viewer);
    for (const c of [facilitator, editor, viewer]) expect(c.latestState()?.state.hiddenVoteRound).toBeNull();

    // Everyone else who tries is disconnected (forbidden-message) and nothing changes.
    for (const intruder of [editor, commenter, viewer]) {
      const closed = new Promise<string>((resolve) =>
        intruder.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
      );
      intruder.send({ type: VOTE_TOTALS_TYPE, hiddenRound: 'round:r1' });
      expect(await closed).toBe('forbidden-message');
    }
    // A later facilitator change carries the whole state: the intruders' flips are not in it.
    facilitator.send({ type: CURSORS_TYPE, hidden: true });
    const after = await facilitator.waitForState((m) => m.state.hideCursors, 'the facilitator’s change');
    expect(after.state.hiddenVoteRound).toBeNull();
    expect((await server.server.store.workshop.loadWorkshopState(id)) as object).toMatchObject({
      hiddenVoteRound: null,
    });

    facilitator.send({ type: VOTE_TOTALS_TYPE, hiddenRound: 'round:r1' });
    await facilitator.waitForState((m) => m.state.hiddenVoteRound === 'round:r1', 'the totals hidden');
    facilitator.send({ type: VOTE_TOTALS_TYPE, hiddenRound: '' });
    await waitFor(() => facilitator.ofType(WORKSHOP_REFUSED_TYPE).length === 1, { what: 'the refusal of an empty id' });
    await boards.stop();

    server = await boards.start({ dataDir });
    const back = await join(id, tokens.editor);
    expect(back.latestState()?.state.hiddenVoteRound).toBe('round:r1');
    const f2 = await join(id, tokens.facilitator);
    f2.send({ type: VOTE_TOTALS_TYPE, hiddenRound: null });
    await back.waitForState((m) => m.state.hiddenVoteRound === null, 'the totals shown again');
  });

  it('a change the database cannot save is refused and changes nothing; it works once storage is back', async () => {
    const dataDir = boards.dataDir();
    const flaky = new FlakyStore(await openSqliteRepositories(dataDir));
    const server = await boards.start({ dataDir }, { store: flaky.store });
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    const editor = await join(id, tokens.editor);

    flaky.failing = true;
    facilitator.send({ type: LOCK_TYPE, locked: true });
    await waitFor(() => facilitator.ofType(WORKSHOP_REFUSED_TYPE).length === 1, { what: 'the refusal' });
    expect((facilitator.ofType(WORKSHOP_REFUSED_TYPE)[0] as { message: string }).message).toMatch(/could not save/);
    expect(flaky.refusedCount('saveWorkshopState')).toBe(1);
    expect((await server.server.workshop.state(id)).lock.locked).toBe(false);
    expect(editor.latestState()?.state.lock.locked).toBe(false);

    flaky.failing = false;
    facilitator.send({ type: LOCK_TYPE, locked: true });
    await editor.waitForState((m) => m.state.lock.locked, 'the lock once storage works');
  });
});
