import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/index.ts';
import { AccountRepository } from '../identity/AccountRepository.ts';
import type { Repositories } from '../repositories/Repositories.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { makeTempDir, removeDir, startTestServer, type TestServer } from '../testing/testServer.ts';
import { loadBoardDoc } from './boardState.ts';
import { Database, SQLITE_FILE_NAME } from './database.ts';
import { MIGRATION_COUNT } from './migrations/index.ts';
import { FIXTURE as F } from '../testing/upgradeFixture/fixtureContent.ts';

/**
 * Databases made by the storage code before the migrator (commit 1a6ddc4; testing/upgradeFixture/make.ts
 * wrote them) are adopted in place: today's server starts on a copy, migrates it and reads back
 * every kind of row the old code wrote, then writes new ones.
 */
const FIXTURES = path.join(import.meta.dirname, '../testing/upgradeFixture');
const FIXTURE_SCHEMA = 'jb_fixture_1a6ddc4';
const bytes = (n: number) => new Uint8Array(32).fill(n);

const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  dirs.splice(0).forEach(removeDir);
  for (const s of schemas.splice(0)) await dropSchema(s);
});

async function readsEverything(server: TestServer): Promise<void> {
  const store: Repositories = server.server.store;
  expect(await store.boards.getBoardInfo(F.boardId)).toMatchObject({ title: F.title, createdAt: F.at });
  const loaded = (await loadBoardDoc(store, F.boardId))!;
  expect(readBoard(loaded.doc).notes.map((n) => n.text)).toContain(F.noteText);
  expect((await store.boards.loadShareLinks(F.boardId)).map((l) => [l.role, l.generation, l.sealed])).toEqual([
    ['editor', 2, new Uint8Array(32).fill(9)],
  ]);
  expect(await store.checkpoints.listCheckpoints(F.boardId)).toMatchObject([
    { id: F.checkpoint.id, label: F.checkpoint.label, createdBy: { id: F.author.id }, noteCount: 1 },
  ]);
  expect(await store.workshop.loadWorkshopState(F.boardId)).toEqual(F.workshopState);
  expect(await store.activity.recordVisit(F.boardId, F.author, F.at + 10)).toEqual({
    firstSeenAt: F.at,
    previousSeenAt: F.at,
  });
  expect(await store.activity.loadThreadReads(F.boardId, F.author.id)).toEqual({ thread1: F.at });
  expect(await store.activity.listActivity(F.boardId, 0, 10)).toEqual([
    { at: F.at, noteId: F.noteId, change: 'added', label: F.noteText, by: F.author.id },
  ]);
  expect((await store.documents.loadBoardDocument(F.boardId, 'comments'))?.updates).toHaveLength(1);
  expect((await store.voting.getOpenRound(F.boardId))?.settings.title).toBe(F.round.settings.title);
  expect((await store.voting.getBallot(F.round.id, F.author.id))?.dots).toEqual(F.ballot.dots);
  expect((await store.privateWriting.getOpenPhase(F.boardId))?.id).toBe(F.phase.id);
  expect((await store.privateWriting.listDrafts(F.boardId)).map((d) => d.text)).toEqual([F.draft.text]);
  expect(await store.templates.getTemplate(F.template.id)).toEqual(F.template);
  expect((await store.identities.personByCredential(bytes(1)))?.id).toBe(F.person.id);
  expect((await store.identities.personByCredential(bytes(2)))?.id).toBe(F.person.id);
  expect(await store.boardPeople.isRemovedFromBoard(F.boardId, F.removedPersonId)).toBe(true);
  expect(await store.boardPeople.admissionOn(F.boardId)).toBe(true);
  expect(await store.boardPeople.isAdmitted(F.boardId, F.person.id)).toBe(true);
  expect(await store.boardPeople.lobby(F.boardId)).toEqual([
    { personId: F.lobbyPersonId, name: 'Waiting Wendy', since: F.at },
  ]);
  const session = (await store.accounts.sessionByHash(bytes(3)))!;
  expect(session.personId).toBe(F.signedIn.id);
  expect(await store.accounts.profileOf(session.personId)).toEqual({
    issuer: F.signedIn.issuer,
    email: F.signedIn.email,
    name: F.signedIn.name,
  });
  expect((await store.accounts.membershipsOf(session.personId)).map((m) => [m.boardId, m.role])).toEqual([
    [F.boardId, 'editor'],
  ]);
  expect(await store.accounts.membersDomain(F.boardId)).toBe('example.com');
  // And it goes on working: new rows beside the old ones.
  const seq = await store.boards.appendUpdate(F.boardId, new Uint8Array([0, 0]), F.at + 20);
  expect((await store.boards.loadBoard(F.boardId))?.updates.at(-1)?.seq).toBe(seq);
  await store.activity.appendActivity(F.boardId, [
    { at: F.at + 20, noteId: F.noteId, change: 'edited', label: 'x', by: null },
  ]);
  expect(await store.activity.listActivity(F.boardId, F.at, 10)).toHaveLength(1);
}

describe('a database made before the migrator', () => {
  it('SQLite: today’s server opens a copy, migrates it in place and reads every row back', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    fs.copyFileSync(path.join(FIXTURES, SQLITE_FILE_NAME), path.join(dataDir, SQLITE_FILE_NAME));
    const server = await startTestServer({ dataDir });
    try {
      await readsEverything(server);
    } finally {
      await server.close();
    }
    // Opened again, nothing is left to migrate.
    const again = await startTestServer({ dataDir });
    try {
      const { DatabaseSync } = await import('node:sqlite');
      const raw = new DatabaseSync(path.join(dataDir, SQLITE_FILE_NAME), { readOnly: true });
      expect(raw.prepare('SELECT count(*) AS n FROM kysely_migration').get()?.n).toBe(MIGRATION_COUNT);
      raw.close();
      expect((await again.server.store.boards.getBoardInfo(F.boardId))?.title).toBe(F.title);
    } finally {
      await again.close();
    }
  });

  it('SQLite from before identities and sign-in: the columns those releases added by hand are added', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const file = path.join(dataDir, SQLITE_FILE_NAME);
    fs.copyFileSync(path.join(FIXTURES, SQLITE_FILE_NAME), file);
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(file);
    raw.exec(`DROP TABLE sessions; DROP TABLE board_members; DROP TABLE board_sign_in_rules; DROP INDEX people_by_subject;
      DELETE FROM people WHERE issuer IS NOT NULL; ALTER TABLE people DROP COLUMN issuer; ALTER TABLE people DROP COLUMN subject;
      ALTER TABLE people DROP COLUMN email; ALTER TABLE people DROP COLUMN name; ALTER TABLE board_activity DROP COLUMN by_person;`);
    raw.close();
    const database = await Database.openSqlite(dataDir);
    try {
      const columns = (table: string) =>
        database
          .sqlite!.prepare(`SELECT name FROM pragma_table_info('${table}')`)
          .all()
          .map((c) => c.name);
      expect(columns('board_activity')).toContain('by_person');
      expect(columns('people')).toEqual(expect.arrayContaining(['issuer', 'subject', 'email', 'name']));
      const accounts = new AccountRepository(database);
      const id = await accounts.upsertSignedIn({ ...F.signedIn, at: F.at + 1 });
      expect(await accounts.profileOf(id)).toMatchObject({ email: F.signedIn.email });
    } finally {
      await database.close();
    }
  });

  it('PostgreSQL: today’s server opens a schema made by the old code, migrates it and reads every row back', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const dump = gunzipSync(fs.readFileSync(path.join(FIXTURES, 'postgres.sql.gz')))
      .toString('utf8')
      .split('\n')
      .filter((line) => !line.startsWith('\\')) // psql meta-commands (\restrict)
      .join('\n')
      .replaceAll(FIXTURE_SCHEMA, schema);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(dump);
    } finally {
      await client.end();
    }
    const server = await startTestServer({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema });
    try {
      await readsEverything(server);
    } finally {
      await server.close();
    }
  });
});
