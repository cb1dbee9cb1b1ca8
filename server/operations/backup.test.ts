import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard, readMeta } from '../../shared/index.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { SavedTemplates } from '../templates/SavedTemplates.ts';
import { dropSchema, openTestPostgresStore, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { connectProvider, waitForAck } from '../testing/providers.ts';
import { RawDatabase } from '../testing/rawDatabase.ts';
import { createBoardOverHttp, makeTempDir, removeDir, startTestServer } from '../testing/testServer.ts';
import { backup, readManifest, restore } from './backup.ts';
import { restoreBoardFromCheckpoint } from './restoreBoard.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const root = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(root, 'node_modules', '.bin', 'node');

describe('backup and restore', () => {
  const dirs: string[] = [];
  const schemas: string[] = [];
  const stores: BoardStore[] = [];
  const dir = () => {
    const d = makeTempDir();
    dirs.push(d);
    return d;
  };
  const pg = async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const store = await openTestPostgresStore(schema);
    stores.push(store);
    return { store, schema };
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    dirs.splice(0).forEach(removeDir);
  });
  afterAll(async () => {
    for (const s of schemas.splice(0)) await dropSchema(s);
  });

  it('npm run backup copies a running server’s SQLite boards (including unsaved-to-snapshot edits); restore brings them into SQLite and PostgreSQL', async () => {
    const dataDir = dir();
    const server = await startTestServer({ dataDir });
    let boardId: string;
    try {
      boardId = await createBoardOverHttp(server.url, { title: 'Backed up', template: 'ecommerce' });
      const a = await connectProvider(server.wsUrl, boardId);
      const { stages, lanes } = readBoard(a.document);
      executeCommand(a.document, ann, 'addNote', {
        stageId: stages[0]!.id,
        laneId: lanes[0]!.id,
        text: 'In the log only',
      });
      await waitForAck(a);
      await server.server.checkpoints.createNamed(boardId, 'Named', null);
      const saved = await new SavedTemplates(server.server.store.templates).save(boardId, a.document, {
        name: 'Kept in backups',
      });
      expect(saved.ok).toBe(true);

      // While it runs, through the real command (the project's Node, as `npm run backup` does).
      const target = path.join(dir(), 'backup');
      const run = spawnSync(NODE, [path.join(root, 'server/tools/backup.ts'), target], {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Backed up 1 board\(s\) and 1 saved template/);
      expect(readManifest(target)).toMatchObject({ kind: 'sqlite', boards: 1, templates: 1 });
      a.destroy();

      const sqliteTarget = SqliteBoardStore.open(dir());
      stores.push(sqliteTarget);
      const { store: pgTarget } = await pg();
      for (const store of [sqliteTarget, pgTarget]) {
        expect(await restore(target, store)).toEqual({ boards: 1, templates: 1 });
        expect((await store.templates.listTemplates()).map((t) => [t.name, t.sourceBoardId])).toEqual([
          ['Kept in backups', boardId],
        ]);
        // Restoring again replaces it rather than failing on its id.
        expect(await restore(target, store)).toEqual({ boards: 1, templates: 1 });
        expect(await store.templates.countTemplates()).toBe(1);
        const loaded = await loadBoardDoc(store, boardId);
        expect(readMeta(loaded!.doc).title).toBe('Backed up');
        expect(readBoard(loaded!.doc).notes.some((n) => n.text === 'In the log only')).toBe(true);
        expect((await store.listCheckpoints(boardId)).map((c) => c.label)).toEqual(['Named']);
        expect(await store.loadShareLinks(boardId)).toHaveLength(4);
      }
    } finally {
      await server.close();
    }
  });

  it('a PostgreSQL backup (ndjson through the store) restores into SQLite, byte for byte', async () => {
    const { store: source } = await pg();
    const doc = new Y.Doc();
    const { newBoardRow } = await import('../storage/boardState.ts');
    const { findTemplate } = await import('../../shared/index.ts');
    const row = newBoardRow({
      boardId: 'pgboard00001',
      title: 'From PG',
      template: findTemplate('ecommerce')!,
      now: 1,
    });
    await source.createBoard(row);
    await source.appendUpdate('pgboard00001', Y.encodeStateAsUpdate(doc), 2);
    const template = {
      id: 'saved-pgtemplate01',
      name: 'From PG',
      description: 'Kit',
      sourceBoardId: 'pgboard00001',
      createdAt: 3,
      body: '{"id":"saved-pgtemplate01"}',
    };
    await source.templates.addTemplate(template);
    const target = path.join(dir(), 'b');
    expect(await backup(source, target)).toMatchObject({ kind: 'ndjson', boards: 1, templates: 1 });
    const into = SqliteBoardStore.open(dir());
    stores.push(into);
    expect(await restore(target, into)).toEqual({ boards: 1, templates: 1 });
    expect(await into.exportBoard('pgboard00001')).toEqual(await source.exportBoard('pgboard00001'));
    expect(await into.templates.listTemplates()).toEqual([template]);
    // A backup made before templates were included has no templates.ndjson: its boards still restore.
    fs.rmSync(path.join(target, 'templates.ndjson'));
    expect(await restore(target, into)).toEqual({ boards: 1, templates: 0 });
    expect(() => readManifest(dir())).toThrow(/not a Journeyboard backup/);
    await expect(backup(source, target)).rejects.toThrow(/not empty/);
  });

  it('restore-board: a corrupt board is restored from its newest readable checkpoint', async () => {
    const dataDir = dir();
    const server = await startTestServer({ dataDir });
    let boardId = '';
    try {
      boardId = await createBoardOverHttp(server.url, { title: 'Will break', template: 'ecommerce' });
      await server.server.checkpoints.createNamed(boardId, 'Good one', null);
    } finally {
      await server.close();
    }
    const raw = new RawDatabase(dataDir);
    raw.setSnapshot(boardId, new Uint8Array([1, 2, 3, 4])); // a corrupt row
    raw.close();

    const store = SqliteBoardStore.open(dataDir);
    stores.push(store);
    await expect(loadBoardDoc(store, boardId)).rejects.toThrow(/cannot be read/);
    const result = await restoreBoardFromCheckpoint(store, boardId);
    expect(result).toMatchObject({ ok: true, label: 'Good one' });
    expect(readMeta((await loadBoardDoc(store, boardId))!.doc).title).toBe('Will break');
    expect(await restoreBoardFromCheckpoint(store, 'nosuchboard0')).toMatchObject({
      ok: false,
      code: 'board-not-found',
    });

    // Through the command, against PostgreSQL: no readable checkpoint is a clear failure.
    const { store: pgStore, schema } = await pg();
    await pgStore.importBoard((await store.exportBoard(boardId))!);
    await pgStore.deleteCheckpoints(
      boardId,
      (await pgStore.listCheckpoints(boardId)).map((c) => c.id),
    );
    const run = spawnSync(NODE, [path.join(root, 'server/tools/restoreBoard.ts'), boardId], {
      env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema },
      encoding: 'utf8',
      cwd: dir(),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no checkpoint that can be read/);
    expect(fs.existsSync(path.join(root, `corrupt-board-${boardId}`))).toBe(false);
  });
});
