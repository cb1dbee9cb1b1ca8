import path from 'node:path';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from './testing/cleanups.ts';
import * as Y from 'yjs';
import { executeCommand, type NoteId, readBoard } from '../shared/index.ts';
import type { HealthResponse } from '../shared/protocol/http.ts';
import { loadBoardDoc } from './storage/boardState.ts';
import { type ChildServer, spawnServer } from './testing/childServer.ts';
import { fetchAsPerson } from './testing/identities.ts';
import { type OwnRedis, startOwnRedis } from './testing/ownRedis.ts';
import { dropSchema, openTestPostgresStore, TEST_DATABASE_URL, uniqueSchema } from './testing/postgres.ts';
import { connectProvider, waitFor, waitForAck } from './testing/providers.ts';
import { createBoardWithLinks, makeTempDir, removeDir } from './testing/testServer.ts';

/**
 * Several instances, real processes: two `server/main.ts` on one PostgreSQL schema and a
 * redis-server this test starts and stops itself. Instances die by SIGKILL to their process
 * group while people type; nothing acknowledged may be lost and the board must stay readable
 * (docs/operations.md, "Storage with several instances").
 */
const RUNS = Number(process.env.SCALEOUT_RUNS ?? 4);

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const bob = { id: 'bob', name: 'Bob', department: 'support' } as const;
type Person = typeof ann | typeof bob;
// The cases that kill at one moment each, repeated (the ack race loops inside its test).
const REPEATS = Array.from({ length: Math.max(1, Math.ceil(RUNS / 2)) }, (_, i) => i + 1);
// Each case spawns several server processes (a few seconds each on a busy 2-core machine).
const CASE_TIMEOUT_MS = 60_000 + RUNS * 30_000;

describe('several instances: a crash loses nothing acknowledged', () => {
  let redis: OwnRedis;
  const cleanups = cleanupsAfterEach();
  beforeAll(async () => {
    redis = await startOwnRedis();
  });
  afterAll(async () => redis.stop());

  /** Environment of one deployment: one schema, one Redis, one prefix; each instance its own data dir. */
  const deployment = () => {
    const schema = uniqueSchema();
    cleanups.push(() => dropSchema(schema));
    const spawn = async (): Promise<ChildServer> => {
      const dataDir = makeTempDir();
      const server = await spawnServer({
        DATA_DIR: dataDir,
        CLIENT_DIR: path.join(dataDir, 'client'),
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        REDIS_URL: redis.url,
        REDIS_PREFIX: `crash-${schema}`,
        LOG_FOLLOW_MS: '100',
      });
      cleanups.push(async () => {
        server.killGroup('SIGKILL');
        await server.exited;
        removeDir(dataDir);
      });
      return server;
    };
    const stored = async (boardId: string) => {
      const store = await openTestPostgresStore(schema);
      try {
        const loaded = (await loadBoardDoc(store, boardId))!;
        const board = readBoard(loaded.doc);
        loaded.doc.destroy();
        return { board, gap: loaded.gap };
      } finally {
        await store.close();
      }
    };
    return { schema, spawn, stored };
  };
  const connect = async (wsUrl: string, boardId: string, options: Parameters<typeof connectProvider>[2] = {}) => {
    const provider = await connectProvider(wsUrl, boardId, options);
    cleanups.push(() => provider.destroy());
    return provider;
  };
  const text = (p: HocuspocusProvider, id: NoteId) => readBoard(p.document).notesById.get(id)?.text;
  const addNote = (doc: Y.Doc, who: Person, label: string) => {
    const { stages, lanes } = readBoard(doc);
    return executeCommand(doc, who, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: label });
  };
  /** A document whose client id wins every tie against B's writer (id 1): the adversarial order. */
  const docWithClientId = (clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return doc;
  };

  it(
    `A killed the moment its ack reaches the client (${RUNS} times): B gets the edit, and B's newer edit wins everywhere`,
    async () => {
      const { spawn, stored } = deployment();
      const b = await spawn();
      const { id } = await createBoardWithLinks(b.url, { template: 'ecommerce' });
      const readerOnB = await connect(b.wsUrl, id);
      const writerOnB = await connect(b.wsUrl, id, { document: docWithClientId(1) });
      const note = addNote(writerOnB.document, bob, 'w-0');
      await waitForAck(writerOnB);

      for (let k = 1; k <= RUNS; k++) {
        const a = await spawn();
        const writerOnA = await connect(a.wsUrl, id, { document: docWithClientId(0xfffffff0 - k) });
        expect(text(writerOnA, note)).toBeDefined();
        await waitForAck(writerOnA); // its first sync is acknowledged: the next 0 is the edit's
        let killedAt = 0;
        let armed = false;
        writerOnA.on('unsyncedChanges', ({ number }: { number: number }) => {
          if (!armed || number !== 0) return;
          a.killGroup('SIGKILL'); // synchronously, as the ack arrives
          killedAt = performance.now();
        });
        executeCommand(writerOnA.document, ann, 'editNoteText', { noteId: note, text: `w-${k}` });
        armed = true;
        await a.exited;
        writerOnA.destroy(); // nobody reconnects and resends
        expect(writerOnA.hasUnsyncedChanges).toBe(false); // it was acknowledged

        await waitFor(() => text(readerOnB, note) === `w-${k}`, { what: `B’s reader to get A’s acknowledged w-${k}` });
        console.info(
          `[scaleOutCrash] run ${k}: B's reader had A's acknowledged edit ${Math.round(performance.now() - killedAt)} ms after A was killed`,
        );
        executeCommand(writerOnB.document, bob, 'editNoteText', { noteId: note, text: `w-${1000 + k}` });
        await waitForAck(writerOnB);

        const restarted = await spawn();
        const readerOnA = await connect(restarted.wsUrl, id);
        expect(text(readerOnA, note)).toBe(`w-${1000 + k}`);
        expect(text(readerOnB, note)).toBe(`w-${1000 + k}`);
        readerOnA.destroy();
        restarted.killGroup('SIGKILL');
        await restarted.exited;
      }
      const { board, gap } = await stored(id);
      expect(board.notesById.get(note)?.text).toBe(`w-${1000 + RUNS}`);
      expect(gap).toBeNull();
    },
    CASE_TIMEOUT_MS,
  );

  it.each(REPEATS)(
    'A killed during a database stall (run %i): the board stays readable on B and in storage, nothing acknowledged is lost',
    async () => {
      const { schema, spawn, stored } = deployment();
      const a = await spawn();
      const b = await spawn();
      const { id, tokens } = await createBoardWithLinks(b.url, { template: 'ecommerce' });
      const writerOnA = await connect(a.wsUrl, id);
      const writerOnB = await connect(b.wsUrl, id);
      const readerOnB = await connect(b.wsUrl, id);

      // A lock on the log: appends wait, reads go on (EXCLUSIVE blocks INSERT, not SELECT).
      const lock = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await lock.connect();
      cleanups.push(() => lock.end());
      await lock.query('BEGIN');
      await lock.query(`LOCK TABLE "${schema}".board_updates IN EXCLUSIVE MODE`);
      const appendsWaiting = async () =>
        (
          await lock.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))',
          )
        ).rows[0]!.n;

      // A's first row waits on the lock; its next edit waits in A's memory behind it (one board's
      // rows are written in order), already relayed to B. B's writer builds on that edit.
      const fromA = addNote(writerOnA.document, ann, 'A, logged once the lock goes');
      await waitFor(async () => (await appendsWaiting()) >= 1, { what: 'A’s first row to wait on the lock' });
      executeCommand(writerOnA.document, ann, 'editNoteText', { noteId: fromA, text: 'A, only in A’s memory' });
      await waitFor(() => text(writerOnB, fromA) === 'A, only in A’s memory', { what: 'the relay to reach B' });
      executeCommand(writerOnB.document, bob, 'editNoteText', { noteId: fromA, text: 'B, on top of A' });
      expect(writerOnA.hasUnsyncedChanges && writerOnB.hasUnsyncedChanges).toBe(true); // both wait for the log
      a.killGroup('SIGKILL');
      await a.exited;
      writerOnA.destroy();

      for (let i = 0; i < 3; i++) {
        const state = await fetchAsPerson(`${b.url}/api/boards/${id}/state`, tokens.viewer);
        expect(state.status).toBe(200);
        expect((await stored(id)).board.stages.length).toBeGreaterThan(0);
      }
      await lock.query('COMMIT');
      await waitForAck(writerOnB);
      expect(readBoard(readerOnB.document).notesById.get(fromA)?.text).toBe('B, on top of A');

      const after = await stored(id);
      expect(after.gap).toBeNull();
      expect(after.board.notesById.get(fromA)?.text).toBe('B, on top of A');
      const restarted = await spawn();
      const readerOnA = await connect(restarted.wsUrl, id);
      expect(text(readerOnA, fromA)).toBe('B, on top of A');
      expect(text(readerOnB, fromA)).toBe('B, on top of A');
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'Redis away for 15 s while both instances take edits: they converge through the database, and on their own after',
    async () => {
      const { spawn } = deployment();
      const a = await spawn();
      const b = await spawn();
      const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
      const onA = await connect(a.wsUrl, id);
      const onB = await connect(b.wsUrl, id);
      const health = async (server: ChildServer) =>
        ((await (await fetch(`${server.url}/healthz`)).json()) as HealthResponse).redis;
      expect(await health(a)).toBe('up');

      await redis.stop();
      cleanups.push(() => redis.start().catch(() => undefined));
      const outageStarted = Date.now();
      await waitFor(async () => (await health(a)) === 'down' && (await health(b)) === 'down', {
        what: 'both instances to see Redis down',
      });
      // A board nobody holds yet opens during the outage from the database, without waiting for Redis.
      const { id: other } = await createBoardWithLinks(b.url, { template: 'ecommerce' });
      const otherOnB = await connect(b.wsUrl, other, { timeoutMs: 5_000 });
      const otherOnA = await connect(a.wsUrl, other, { timeoutMs: 5_000 });
      const crossedInOutage = addNote(otherOnA.document, ann, 'on a board opened in the outage');
      await waitFor(() => text(otherOnB, crossedInOutage) !== undefined, { what: 'the new board’s edit to cross' });
      // The outage lasts longer than ioredis's retries (about 10.5 s): edits keep crossing meanwhile.
      let round = 0;
      while (Date.now() - outageStarted < 15_000) {
        round++;
        const fromA = addNote(onA.document, ann, `A during the outage ${round}`);
        const fromB = addNote(onB.document, bob, `B during the outage ${round}`);
        await waitFor(() => text(onB, fromA) !== undefined && text(onA, fromB) !== undefined, {
          what: `round ${round} to cross through the database`,
        });
      }
      await redis.start();
      await waitFor(async () => (await health(a)) === 'up' && (await health(b)) === 'up', {
        what: 'both instances to see Redis back',
        timeoutMs: 30_000,
      });
      // Nobody edits now: the instances are equal, and presence crosses again.
      await waitFor(() => Buffer.from(Y.encodeStateVector(onA.document)).equals(Y.encodeStateVector(onB.document)), {
        what: 'both clients to hold the same state',
      });
      onA.setAwarenessField('user', {
        id: 'ann',
        name: 'Ann after the outage',
        colour: '#0d74ce',
        department: 'sales',
      });
      const names = (p: HocuspocusProvider) =>
        [...p.awareness!.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
      await waitFor(() => names(onB).includes('Ann after the outage'), { what: 'presence to cross again' });
    },
    CASE_TIMEOUT_MS,
  );

  it.each(REPEATS)(
    'both instances killed one after the other, before any compaction (run %i): nothing acknowledged is lost and the board opens',
    async () => {
      const { spawn, stored } = deployment();
      const a = await spawn();
      const b = await spawn();
      const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
      const writers = [await connect(a.wsUrl, id), await connect(b.wsUrl, id)];
      const acked: NoteId[] = [];
      let stop = false;
      const write = async (writer: HocuspocusProvider, who: Person) => {
        for (let i = 0; !stop; i++) {
          const note = addNote(writer.document, who, `${who.name} ${i}`);
          try {
            await waitForAck(writer);
          } catch {
            return; // its instance died before the ack
          }
          if (!stop) acked.push(note);
        }
      };
      const loops = [write(writers[0]!, ann), write(writers[1]!, bob)];
      await waitFor(() => acked.length >= 20, { what: 'twenty acknowledged notes' });
      a.killGroup('SIGKILL');
      const ackedBeforeB = acked.length;
      await waitFor(() => acked.length > ackedBeforeB, { what: 'one more acknowledged note on B' });
      b.killGroup('SIGKILL');
      stop = true;
      await Promise.all([a.exited, b.exited]);
      for (const w of writers) w.destroy();
      await Promise.race([Promise.all(loops), Promise.resolve()]);

      const after = await stored(id);
      expect(after.gap).toBeNull();
      expect(acked.filter((n) => !after.board.notesById.has(n))).toEqual([]);
      const restarted = await spawn();
      const reader = await connect(restarted.wsUrl, id);
      expect(acked.filter((n) => !readBoard(reader.document).notesById.has(n))).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
