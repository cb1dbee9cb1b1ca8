import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import { TEST_DATABASE_URL } from '../testing/postgres.ts';
import { waitFor } from '../testing/providers.ts';
import { newId } from '../../shared/schema/ids.ts';
import type { NewPhase, RevealableDraft, StoredDraft } from './PrivateWritingRepository.ts';

const open = testDatabases();

const phase = (over: Partial<NewPhase> = {}): NewPhase => ({
  id: 'phase-1',
  boardId: 'board0000001',
  openedAt: 1000,
  openedBy: { id: 'fac', name: 'Fran' },
  timerRun: null,
  ...over,
});
const draft = (over: Partial<StoredDraft> = {}): StoredDraft => ({
  boardId: 'board0000001',
  id: 'draft:aaaaaaaa',
  personId: 'ann',
  name: 'Ann',
  department: 'sales',
  stageId: 'stage:s1',
  laneId: 'lane:l1',
  kind: null,
  text: 'Checkout asks twice for the address',
  placedAt: 2000,
  createdAt: 2000,
  updatedAt: 2000,
  noteId: null,
  ...over,
});

describe.each(DATABASES)('PrivateWritingRepository on %s', (name) => {
  const fresh = async () => {
    const s = await open(name);
    await s.store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([1]) });
    await s.store.boards.createBoard({ id: 'board0000002', title: 'B', createdAt: 1, snapshot: new Uint8Array([1]) });
    return s;
  };

  it('keeps at most one open phase per board, and a cancel is a compare-and-set', async () => {
    const { store } = await fresh();
    const pw = store.privateWriting;
    expect(await pw.openPhase(phase())).toBe(true);
    expect(await pw.openPhase(phase({ id: 'phase-2' }))).toBe(false);
    expect(await pw.openPhase(phase({ id: 'phase-3', boardId: 'board0000002', timerRun: 4 }))).toBe(true);
    expect(await pw.getOpenPhase('board0000001')).toMatchObject({
      id: 'phase-1',
      status: 'open',
      openedBy: { name: 'Fran' },
      timerRun: null,
      closedAt: null,
    });
    expect((await pw.listTimedOpenPhases()).map((p) => [p.id, p.timerRun])).toEqual([['phase-3', 4]]);
    expect(await pw.cancelPhase('board0000001', 'phase-1', 5000)).toBe(true);
    expect(await pw.cancelPhase('board0000001', 'phase-1', 6000)).toBe(false);
    expect(await pw.getOpenPhase('board0000001')).toBeNull();
    expect(await pw.getPhase('board0000001', 'phase-1')).toMatchObject({ status: 'cancelled', closedAt: 5000 });
    expect(await pw.openPhase(phase({ id: 'phase-2' }))).toBe(true);
  });

  it('stores drafts per author while a phase is open: only the author updates or deletes one, ids are unique per board', async () => {
    const { store } = await fresh();
    const pw = store.privateWriting;
    expect(await pw.insertDraft(draft())).toBe(false); // no phase open
    expect(await pw.listDrafts('board0000001')).toEqual([]);
    await pw.openPhase(phase());
    await pw.openPhase(phase({ id: 'phase-2', boardId: 'board0000002' }));
    expect(await pw.insertDraft(draft())).toBe(true);
    expect(await pw.insertDraft(draft({ personId: 'bo', text: 'other' }))).toBe(false);
    expect(await pw.insertDraft(draft({ boardId: 'board0000002' }))).toBe(true);
    expect(
      await pw.insertDraft(draft({ id: 'draft:bbbbbbbb', personId: 'bo', name: 'Bo', placedAt: 1500, kind: 'pain' })),
    ).toBe(true);
    expect((await pw.listDrafts('board0000001')).map((d) => d.id)).toEqual(['draft:bbbbbbbb', 'draft:aaaaaaaa']);
    expect((await pw.listDraftsOf('board0000001', 'ann')).map((d) => d.id)).toEqual(['draft:aaaaaaaa']);
    expect(await pw.updateDraft(draft({ personId: 'bo', text: 'hijack' }))).toBe(false);
    expect(await pw.updateDraft(draft({ text: 'edited', stageId: 'stage:s2', placedAt: 3000, updatedAt: 3000 }))).toBe(
      true,
    );
    expect(await pw.getDraft('board0000001', 'draft:aaaaaaaa')).toEqual(
      draft({ text: 'edited', stageId: 'stage:s2', placedAt: 3000, updatedAt: 3000 }),
    );
    expect(await pw.deleteDraft('board0000001', 'draft:aaaaaaaa', 'bo')).toBe(false);
    expect(await pw.deleteDraft('board0000001', 'draft:aaaaaaaa', 'ann')).toBe(true);
    expect(await pw.getDraft('board0000001', 'draft:aaaaaaaa')).toBeNull();
    expect(await pw.getDraft('board0000002', 'draft:aaaaaaaa')).not.toBeNull();
  });

  it('a reveal assigns note ids (kept), writes once, then closes the phase and deletes exactly the written drafts', async () => {
    const { store } = await fresh();
    const pw = store.privateWriting;
    await pw.openPhase(phase());
    await pw.insertDraft(draft());
    await pw.insertDraft(draft({ id: 'draft:bbbbbbbb', placedAt: 2500 }));
    let n = 0;
    const newNoteId = () => `note:n${++n}` as const;
    const seen: (readonly RevealableDraft[])[] = [];
    const outcome = await pw.revealPhase('board0000001', 'phase-1', 9000, newNoteId, (drafts) => {
      seen.push(drafts);
      return { written: ['draft:aaaaaaaa' as const] };
    });
    expect(outcome).toEqual({ written: ['draft:aaaaaaaa'] });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((d) => d.id)).toEqual(['draft:aaaaaaaa', 'draft:bbbbbbbb']);
    const noteIds = seen[0]!.map((d) => d.noteId);
    expect(new Set(noteIds).size).toBe(2);
    // The phase is closed: another reveal writes nothing, a new draft is refused.
    expect(
      await pw.revealPhase('board0000001', 'phase-1', 9001, newNoteId, () => expect.unreachable('written twice')),
    ).toBeNull();
    expect(await pw.insertDraft(draft({ id: 'draft:cccccccc' }))).toBe(false);
    expect(await pw.getPhase('board0000001', 'phase-1')).toMatchObject({ status: 'revealed', closedAt: 9000 });
    // The draft not written stays, with its note id: the next reveal writes that note, not another.
    expect((await pw.listDrafts('board0000001')).map((d) => [d.id, d.noteId])).toEqual([
      ['draft:bbbbbbbb', noteIds[1]],
    ]);
    await pw.openPhase(phase({ id: 'phase-2' }));
    const next = await pw.revealPhase('board0000001', 'phase-2', 9500, newNoteId, (drafts) => ({
      written: drafts.map((d) => d.id),
      noteIds: drafts.map((d) => d.noteId),
    }));
    expect(next).toEqual({ written: ['draft:bbbbbbbb'], noteIds: [noteIds[1]] });
    expect(await pw.listDrafts('board0000001')).toEqual([]);
  });

  it('two reveals of one phase at the same moment: one writes, the other finds the phase closed', async () => {
    const { store } = await fresh();
    const pw = store.privateWriting;
    await pw.openPhase(phase());
    await pw.insertDraft(draft());
    let writes = 0;
    const reveal = () =>
      pw.revealPhase(
        'board0000001',
        'phase-1',
        9000,
        () => newId('note'),
        (drafts) => (writes++, { written: drafts.map((d) => d.id) }),
      );
    const outcomes = await Promise.all([reveal(), reveal(), reveal()]);
    expect(writes).toBe(1);
    expect(outcomes.filter((o) => o !== null)).toEqual([{ written: ['draft:aaaaaaaa'] }]);
    expect(
      await pw.revealPhase(
        'board0000001',
        'phase-1',
        9000,
        () => newId('note'),
        () => expect.unreachable('after the reveal'),
      ),
    ).toBeNull();
  });

  it('keeps phases and drafts across a restart', async () => {
    const { store, reopen } = await fresh();
    await store.privateWriting.openPhase(phase({ timerRun: 2 }));
    await store.privateWriting.insertDraft(draft());
    const again = await reopen();
    expect(await again.privateWriting.getOpenPhase('board0000001')).toMatchObject({ id: 'phase-1', timerRun: 2 });
    expect(await again.privateWriting.listDraftsOf('board0000001', 'ann')).toEqual([draft()]);
  });
});

/**
 * Several instances: what another instance's reveal holds in the database. A second
 * connection plays that instance, holding the phase row as revealPhase does, so the waiting is
 * seen for certain rather than raced for.
 */
describe('PrivateWritingRepository on PostgreSQL while another instance reveals', () => {
  it('a draft insert waits for the reveal holding the phase, then is refused; so does a second reveal', async () => {
    const { store, schema } = await open('PostgreSQL');
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await other.connect();
    try {
      await store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([1]) });
      const pw = store.privateWriting;
      await pw.openPhase({
        id: 'phase-1',
        boardId: 'board0000001',
        openedAt: 1,
        openedBy: { id: 'fac', name: 'Fran' },
        timerRun: null,
      });
      await other.query('BEGIN');
      await other.query(`SELECT 1 FROM private_phases WHERE id = 'phase-1' FOR UPDATE`);

      const insert = pw.insertDraft(draft({ id: 'draft:late0001', text: 'Late' }));
      let writes = 0;
      const reveal = pw.revealPhase(
        'board0000001',
        'phase-1',
        9,
        () => newId('note'),
        () => (writes++, { written: [] }),
      );
      await waitFor(async () => (await waitingOnLocks(other)) >= 2 || undefined, {
        what: 'the insert and the reveal to wait for the lock',
      });
      await other.query(`UPDATE private_phases SET status = 'revealed', closed_at = 5 WHERE id = 'phase-1'`);
      await other.query('COMMIT');
      expect(await insert).toBe(false);
      expect(await reveal).toBeNull();
      expect(writes).toBe(0);
      expect(await pw.listDrafts('board0000001')).toEqual([]);
    } finally {
      await other.end();
    }
  });
});

/** How many sessions wait, directly or behind another waiter, for a lock `client` holds. */
async function waitingOnLocks(client: pg.Client): Promise<number> {
  await client.query('SELECT pg_stat_clear_snapshot()'); // within a transaction, pg_stat_activity is read once
  const { rows } = await client.query<{ pid: number; blockers: number[] }>(
    'SELECT pid, pg_blocking_pids(pid) AS blockers FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0',
  );
  const { rows: self } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const behind = new Set([self[0]!.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows)
      if (!behind.has(r.pid) && r.blockers.some((b) => behind.has(b))) behind.add(r.pid), (grew = true);
  }
  return behind.size - 1;
}
