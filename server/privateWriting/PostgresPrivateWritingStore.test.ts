import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/schema/ids.ts';
import { waitFor } from '../testing/providers.ts';
import { dropSchema, openTestPostgresStore, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { describePrivateWritingStoreContract } from './privateWritingStoreContract.ts';
import type { StoredDraft } from './PrivateWritingRepository.ts';

const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas.splice(0)) await dropSchema(s);
});

describePrivateWritingStoreContract('PostgreSQL', async () => {
  const schema = uniqueSchema();
  schemas.push(schema);
  const store = await openTestPostgresStore(schema);
  return { store, reopen: async () => (await store.close(), openTestPostgresStore(schema)) };
});

/**
 * Several instances (issue 9): what another instance's reveal holds in the database. A second
 * connection plays that instance, holding the phase row as revealPhase does, so the waiting is
 * seen for certain rather than raced for.
 */
describe('PostgresPrivateWritingStore while another instance reveals', () => {
  const draft = (id: `draft:${string}`): StoredDraft => ({
    boardId: 'board0000001',
    id,
    personId: 'ann',
    name: 'Ann',
    department: 'sales',
    stageId: 'stage:s1',
    laneId: 'lane:l1',
    kind: null,
    text: 'Late',
    placedAt: 2000,
    createdAt: 2000,
    updatedAt: 2000,
    noteId: null,
  });

  it('a draft insert waits for the reveal holding the phase, then is refused; so does a second reveal', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const store = await openTestPostgresStore(schema);
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

      const insert = pw.insertDraft(draft('draft:late0001'));
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
      await store.close();
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
