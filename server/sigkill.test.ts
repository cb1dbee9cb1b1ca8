import { type Repositories, openSqliteRepositories } from './repositories/Repositories.ts';
import path from 'node:path';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { executeCommand, readBoard, type NoteId } from '../shared/index.ts';
import { loadBoardDoc } from './storage/boardState.ts';
import { spawnServer, type ChildServer } from './testing/childServer.ts';
import { dropSchema, openTestPostgresStore, TEST_DATABASE_URL, uniqueSchema } from './testing/postgres.ts';
import { connectProvider, waitFor } from './testing/providers.ts';
import { createBoardOverHttp, makeTempDir, removeDir } from './testing/testServer.ts';

/**
 * The durability promise: no edit the server acknowledged is lost to a crash. Real providers send
 * bursts of edits; once some are acknowledged (and more are still in flight), the server process
 * gets SIGKILL. Then, before any client could reconnect and resend, the STORED data is read
 * straight from the database: every acknowledged note must be there. Repeated, on both stores.
 */
const RUNS = 3;
const PEOPLE = 3;
const BURST = 25;
// A run starts a server process twice; on a busy 2-core machine that alone can pass 20 s.
vi.setConfig({ testTimeout: 90_000 });

interface Backend {
  readonly name: string;
  env(dataDir: string): Record<string, string>;
  openStored(dataDir: string, env: Record<string, string>): Promise<Repositories>;
}

const pgSchemas: string[] = [];
afterAll(async () => {
  for (const s of pgSchemas.splice(0)) await dropSchema(s);
});

const BACKENDS: Backend[] = [
  { name: 'SQLite', env: () => ({}), openStored: async (dataDir) => await openSqliteRepositories(dataDir) },
  {
    name: 'PostgreSQL',
    env: () => {
      const schema = uniqueSchema();
      pgSchemas.push(schema);
      return { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
    },
    openStored: async (_dataDir, env) => openTestPostgresStore(env.DATABASE_SCHEMA!),
  },
];

describe.each(BACKENDS)('kill -9 loses no acknowledged edit ($name)', (backend) => {
  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))('run %i', async (run) => {
    const dataDir = makeTempDir();
    let server: ChildServer | undefined;
    const providers: HocuspocusProvider[] = [];
    const env = { DATA_DIR: dataDir, CLIENT_DIR: path.join(dataDir, 'client'), ...backend.env(dataDir) };
    try {
      server = await spawnServer(env);
      const boardId = await createBoardOverHttp(server.url, { template: 'ecommerce' });
      for (let p = 0; p < PEOPLE; p++) providers.push(await connectProvider(server.wsUrl, boardId));
      const sent = providers.map(() => [] as NoteId[]);
      const burst = () =>
        providers.forEach((provider, p) => {
          const { stages, lanes } = readBoard(provider.document);
          const actor = { id: `p${p}`, name: `Person ${p}`, department: 'sales' } as const;
          for (let i = 0; i < BURST; i++) {
            const text = `run ${run} person ${p} note ${sent[p]!.length}`;
            sent[p]!.push(
              executeCommand(provider.document, actor, 'addNote', {
                stageId: stages[i % stages.length]!.id,
                laneId: lanes[p]!.id,
                text,
              }),
            );
          }
        });

      burst();
      // Wait until part of the second burst is acknowledged too, so the kill lands mid-stream.
      await waitFor(() => providers.every((pr) => !pr.hasUnsyncedChanges), {
        what: 'the first burst to be acknowledged',
      });
      burst();
      await waitFor(() => providers.some((pr, p) => sent[p]!.length - pr.unsyncedChanges > BURST), {
        what: 'some of the second burst to be acknowledged',
      });

      // Acks arrive in order per connection (one message per update), so the first `acked` are in.
      const acked = providers.map((pr, p) => sent[p]!.slice(0, sent[p]!.length - pr.unsyncedChanges));
      server.child.kill('SIGKILL');
      await server.exited;
      for (const pr of providers) pr.destroy(); // nobody reconnects and resends

      const store = await backend.openStored(dataDir, env);
      try {
        const stored = await loadBoardDoc(store, boardId);
        const notes = readBoard(stored!.doc).notesById;
        const ackedIds = acked.flat();
        const lost = ackedIds.filter((id) => !notes.has(id));
        const sentCount = sent.flat().length;
        const storedOfSent = sent.flat().filter((id) => notes.has(id)).length;
        console.info(
          `[sigkill ${backend.name} run ${run}] sent ${sentCount}, acknowledged ${ackedIds.length}, stored ${storedOfSent}, lost ${lost.length}`,
        );
        expect(lost).toEqual([]);
        stored!.doc.destroy();
      } finally {
        await store.close();
      }

      // And the restarted server serves them.
      server = await spawnServer(env);
      const again = await connectProvider(server.wsUrl, boardId);
      providers.push(again);
      const served = readBoard(again.document).notesById;
      expect(acked.flat().filter((id) => !served.has(id))).toEqual([]);
    } finally {
      for (const pr of providers) pr.destroy();
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      removeDir(dataDir);
    }
  });
});
