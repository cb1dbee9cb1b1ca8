import { type Repositories, openSqliteRepositories } from '../repositories/Repositories.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as Y from 'yjs';
import { executeCommand, readBoard, readMeta } from '../../shared/index.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
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
  const stores: Repositories[] = [];
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

      const sqliteTarget = await openSqliteRepositories(dir());
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
        expect((await store.checkpoints.listCheckpoints(boardId)).map((c) => c.label)).toEqual(['Named']);
        expect(await store.boards.loadShareLinks(boardId)).toHaveLength(4);
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
    await source.boards.createBoard(row);
    await source.boards.appendUpdate('pgboard00001', Y.encodeStateAsUpdate(doc), 2);
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
    const into = await openSqliteRepositories(dir());
    stores.push(into);
    expect(await restore(target, into)).toEqual({ boards: 1, templates: 1 });
    expect(await into.boards.exportBoard('pgboard00001')).toEqual(await source.boards.exportBoard('pgboard00001'));
    expect(await into.templates.listTemplates()).toEqual([template]);
    // Restoring again replaces what the first restore wrote.
    expect(await restore(target, into)).toEqual({ boards: 1, templates: 1 });
    expect((await into.boards.loadBoard('pgboard00001'))?.updates).toHaveLength(1);
    expect(() => readManifest(dir())).toThrow(/not a Journeyboard backup/);
    await expect(backup(source, target)).rejects.toThrow(/not empty/);
  });

  it('a PostgreSQL backup walks every table: identities, devices, removals, admission, sessions come back', async () => {
    const { store } = await pg();
    const bytes = (n: number) => new Uint8Array(32).fill(n);
    await store.boards.createBoard({
      id: 'peopleboard1',
      title: 'People',
      createdAt: 1,
      snapshot: new Uint8Array([0]),
    });
    await store.identities.addPerson({
      id: 'person-guest',
      credentialHash: bytes(1),
      createdAt: 2,
      issuedBoardId: 'peopleboard1',
      issuedRole: 'editor',
    });
    await store.identities.addCredential('person-guest', bytes(2), 3);
    await store.identities.addTransfer({ codeHash: bytes(4), personId: 'person-guest', createdAt: 3, expiresAt: 99 });
    await store.boardPeople.removeFromBoard('peopleboard1', 'person-gone', 4, 'person-guest');
    await store.boardPeople.setAdmission('peopleboard1', true, 5);
    await store.boardPeople.admit('peopleboard1', ['person-guest'], 6);
    await store.boardPeople.knock('peopleboard1', 'person-waiting', 'Wendy', 7);
    const signedIn = await store.accounts.upsertSignedIn({
      id: 'person-signed',
      issuer: 'https://id.example.com',
      subject: 's1',
      email: 'sam@example.com',
      name: 'Sam',
      at: 8,
    });
    await store.accounts.addSession({ idHash: bytes(3), personId: signedIn, createdAt: 8, expiresAt: 10_000 });
    await store.accounts.recordMembership(signedIn, 'peopleboard1', 'editor', 9);
    await store.accounts.setMembersDomain('peopleboard1', 'example.com');

    const target = path.join(dir(), 'b');
    const manifest = await backup(store, target);
    const tables = await store.database
      .kysely()
      .selectFrom('information_schema.tables' as never)
      .select('table_name' as never)
      .where('table_schema' as never, '=', sql`current_schema()` as never)
      .execute();
    const every = (tables as { table_name: string }[]).map((t) => t.table_name).filter((t) => !t.startsWith('kysely_'));
    expect(Object.keys(manifest.tables ?? {}).sort()).toEqual(every.sort());
    expect(manifest.tables).toMatchObject({ people: 2, device_credentials: 1, sessions: 1, board_removed_people: 1 });

    const { store: into } = await pg();
    expect(await restore(target, into)).toEqual({ boards: 1, templates: 0 });
    expect((await into.identities.personByCredential(bytes(1)))?.id).toBe('person-guest');
    expect((await into.identities.personByCredential(bytes(2)))?.id).toBe('person-guest');
    expect(await into.identities.redeemTransfer(bytes(4), 10, { credentialHash: bytes(5), createdAt: 10 })).toEqual({
      kind: 'redeemed',
      personId: 'person-guest',
    });
    expect(await into.boardPeople.isRemovedFromBoard('peopleboard1', 'person-gone')).toBe(true);
    expect(await into.boardPeople.admissionOn('peopleboard1')).toBe(true);
    expect(await into.boardPeople.isAdmitted('peopleboard1', 'person-guest')).toBe(true);
    expect((await into.boardPeople.lobby('peopleboard1')).map((e) => e.name)).toEqual(['Wendy']);
    expect((await into.accounts.sessionByHash(bytes(3)))?.personId).toBe(signedIn);
    expect((await into.accounts.membershipsOf(signedIn)).map((m) => m.boardId)).toEqual(['peopleboard1']);
    expect(await into.accounts.membersDomain('peopleboard1')).toBe('example.com');
    expect(await into.accounts.profileOf(signedIn)).toEqual({
      issuer: 'https://id.example.com',
      email: 'sam@example.com',
      name: 'Sam',
    });
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

    const store = await openSqliteRepositories(dataDir);
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
    const copied = path.join(dir(), 'copy');
    await backup(store, copied);
    await restore(copied, pgStore);
    await pgStore.checkpoints.deleteCheckpoints(
      boardId,
      (await pgStore.checkpoints.listCheckpoints(boardId)).map((c) => c.id),
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
