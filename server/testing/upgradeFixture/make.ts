/**
 * Makes the upgrade fixture: a SQLite file and a PostgreSQL schema dump written by the storage
 * code of commit 1a6ddc4, the last one before the migrator (upgrade.test.ts opens copies of them
 * with today's code). Run it against a checkout of that commit, whose node_modules it uses:
 *
 *   git worktree add --detach /tmp/old 1a6ddc4 && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   node server/testing/upgradeFixture/make.ts /tmp/old
 *
 * It needs the PostgreSQL of the tests (TEST_DATABASE_URL) and pg_dump on PATH.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { FIXTURE } from './fixtureContent.ts';

const old = process.argv[2];
if (!old) throw new Error('Usage: node server/testing/upgradeFixture/make.ts <checkout of 1a6ddc4>');
const here = path.dirname(new URL(import.meta.url).pathname);
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'jb_fixture_1a6ddc4';

const { SqliteBoardStore } = await import(path.join(old, 'server/storage/SqliteBoardStore.ts'));
const { PostgresBoardStore } = await import(path.join(old, 'server/storage/PostgresBoardStore.ts'));
const { newBoardRow } = await import(path.join(old, 'server/storage/boardState.ts'));
const shared = await import(path.join(old, 'shared/index.ts'));

// biome-ignore lint/suspicious/noExplicitAny: the old code's types are not this tree's
async function fill(store: any): Promise<void> {
  const f = FIXTURE;
  const template = shared.TEMPLATES[0];
  await store.createBoard(newBoardRow({ boardId: f.boardId, title: f.title, template, now: f.at }));
  // A note, written as a client would: an update in the log after the snapshot.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await store.loadBoard(f.boardId)).snapshot);
  const before = Y.encodeStateVector(doc);
  const { stages, lanes } = shared.readBoard(doc);
  shared.executeCommand(doc, f.author, 'addNote', { stageId: stages[0].id, laneId: lanes[0].id, text: f.noteText });
  await store.appendUpdate(f.boardId, Y.encodeStateAsUpdate(doc, before), f.at + 1);
  await store.saveShareLinks(f.boardId, [
    { role: 'editor', generation: 2, tokenHash: new Uint8Array(32).fill(7), sealed: new Uint8Array(32).fill(9) },
  ]);
  await store.addCheckpoint({
    ...f.checkpoint,
    boardId: f.boardId,
    createdBy: f.author,
    state: Y.encodeStateAsUpdate(doc),
  });
  await store.saveWorkshopState(f.boardId, f.workshopState, f.at);
  await store.recordVisit(f.boardId, f.author, f.at);
  await store.markThreadRead(f.boardId, f.author.id, 'thread1', f.at);
  await store.appendActivity(f.boardId, [
    { at: f.at, noteId: f.noteId, change: 'added', label: f.noteText, by: f.author.id },
  ]);
  await store.appendBoardDocumentUpdate(f.boardId, 'comments', new Uint8Array([0, 0]), f.at);
  await store.voting.openRound(f.round);
  await store.voting.saveBallot(f.ballot, 0);
  await store.privateWriting.openPhase(f.phase);
  await store.privateWriting.insertDraft(f.draft);
  await store.templates.addTemplate(f.template);
  await store.identities.addPerson({ ...f.person, credentialHash: new Uint8Array(32).fill(1) });
  await store.identities.addCredential(f.person.id, new Uint8Array(32).fill(2), f.at);
  await store.identities.removeFromBoard(f.boardId, f.removedPersonId, f.at, f.person.id);
  await store.identities.setAdmission(f.boardId, true, f.at);
  await store.identities.admit(f.boardId, [f.person.id], f.at);
  await store.identities.knock(f.boardId, f.lobbyPersonId, 'Waiting Wendy', f.at);
  const signedIn = await store.accounts.upsertSignedIn(f.signedIn);
  await store.accounts.addSession({ ...f.session, idHash: new Uint8Array(32).fill(3), personId: signedIn });
  await store.accounts.recordMembership(signedIn, f.boardId, 'editor', f.at);
  await store.accounts.setMembersDomain(f.boardId, 'example.com');
  doc.destroy();
}

const sqliteDir = fs.mkdtempSync('/tmp/jb-fixture-');
const sqlite = SqliteBoardStore.open(sqliteDir);
await fill(sqlite);
await sqlite.close();
const { DatabaseSync } = await import('node:sqlite');
const compact = new DatabaseSync(path.join(sqliteDir, 'journeyboard.sqlite'));
compact.exec('PRAGMA journal_mode = DELETE; VACUUM');
compact.close();
fs.copyFileSync(path.join(sqliteDir, 'journeyboard.sqlite'), path.join(here, 'journeyboard.sqlite'));
fs.rmSync(sqliteDir, { recursive: true });

execFileSync('psql', ['-q', url, '-c', `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`], { stdio: 'ignore' });
const postgres = await PostgresBoardStore.open({ connectionString: url, schema: SCHEMA });
await fill(postgres);
await postgres.close();
const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', '--inserts', '--schema', SCHEMA, url], {
  encoding: 'utf8',
});
// Stored compressed: a pg_dump is data, read by the test, not code to review.
fs.writeFileSync(path.join(here, 'postgres.sql.gz'), gzipSync(dump));
execFileSync('psql', ['-q', url, '-c', `DROP SCHEMA ${SCHEMA} CASCADE`], { stdio: 'ignore' });
console.log(`Wrote ${path.join(here, 'journeyboard.sqlite')} and ${path.join(here, 'postgres.sql.gz')}`);
