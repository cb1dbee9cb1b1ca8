import { openPostgresRepositories, openSqliteRepositories } from '../repositories/Repositories.ts';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlitePath } from '../storage/database.ts';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { signedInPersonId } from './Sessions.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});
const open = testDatabases();

const ann = { issuer: 'https://login.example.com', subject: 'ann-1', email: 'ann@example.com', name: 'Ann', at: 1000 };

describe.each(DATABASES)('AccountRepository on %s', (name) => {
  it('one person per (issuer, subject): a second sign-in refreshes name and email, keeps the id', async () => {
    const { store } = await open(name);
    const id = await store.accounts.upsertSignedIn({ ...ann, id: signedInPersonId(ann.issuer, ann.subject) });
    const again = await store.accounts.upsertSignedIn({
      ...ann,
      id: 'person-AAAAAAAAAAAAAAAAAAAAAA',
      name: 'Ann Lee',
      at: 2000,
    });
    expect(again).toBe(id);
    expect(await store.accounts.profileOf(id)).toEqual({ issuer: ann.issuer, email: ann.email, name: 'Ann Lee' });
    // The same subject at another issuer is another person.
    const other = await store.accounts.upsertSignedIn({
      ...ann,
      issuer: 'https://other.example',
      id: signedInPersonId('https://other.example', ann.subject),
    });
    expect(other).not.toBe(id);
  });

  it('sessions by hash, with their expiry; deleted one by one or once expired', async () => {
    const { store } = await open(name);
    const personId = await store.accounts.upsertSignedIn({ ...ann, id: signedInPersonId(ann.issuer, ann.subject) });
    const live = new Uint8Array(32).fill(1);
    const old = new Uint8Array(32).fill(2);
    await store.accounts.addSession({ idHash: live, personId, createdAt: 1000, expiresAt: 5000 });
    await store.accounts.addSession({ idHash: old, personId, createdAt: 1000, expiresAt: 2000 });
    expect(await store.accounts.sessionByHash(live)).toEqual({
      idHash: live,
      personId,
      createdAt: 1000,
      expiresAt: 5000,
    });
    expect(await store.accounts.deleteExpiredSessions(3000)).toBe(1);
    expect(await store.accounts.sessionByHash(old)).toBeNull();
    await store.accounts.deleteSession(live);
    expect(await store.accounts.sessionByHash(live)).toBeNull();
  });

  it('a revoked person’s sessions prove nothing, like their credentials', async () => {
    const { store } = await open(name);
    const personId = await store.accounts.upsertSignedIn({ ...ann, id: signedInPersonId(ann.issuer, ann.subject) });
    const hash = new Uint8Array(32).fill(6);
    await store.accounts.addSession({ idHash: hash, personId, createdAt: 1000, expiresAt: 5000 });
    expect(await store.accounts.sessionByHash(hash)).not.toBeNull();
    expect(await store.identities.revokePerson(personId, 2000)).toBe(true);
    expect(await store.accounts.sessionByHash(hash)).toBeNull();
  });

  it('memberships only for signed-in people; the latest role and visit win', async () => {
    const { store } = await open(name);
    await store.boards.createBoard({
      id: 'board0000001',
      title: 'Journey A',
      createdAt: 1,
      snapshot: new Uint8Array([0, 0]),
    });
    const personId = await store.accounts.upsertSignedIn({ ...ann, id: signedInPersonId(ann.issuer, ann.subject) });
    await store.accounts.recordMembership(personId, 'board0000001', 'viewer', 10);
    await store.accounts.recordMembership(personId, 'board0000001', 'editor', 20);
    expect(await store.accounts.membershipsOf(personId)).toEqual([
      { boardId: 'board0000001', title: 'Journey A', role: 'editor', lastSeen: 20 },
    ]);
    expect(await store.accounts.membershipOf(personId, 'board0000001')).toBe('editor');
    expect(await store.accounts.membershipOf(personId, 'board0000002')).toBeNull();
    await store.identities.addPerson({
      id: 'person-BBBBBBBBBBBBBBBBBBBBBB',
      credentialHash: new Uint8Array(32).fill(9),
      createdAt: 1,
      issuedBoardId: 'board0000001',
      issuedRole: 'editor',
    });
    await store.accounts.recordMembership('person-BBBBBBBBBBBBBBBBBBBBBB', 'board0000001', 'editor', 30);
    expect(await store.accounts.membershipsOf('person-BBBBBBBBBBBBBBBBBBBBBB')).toEqual([]);
    expect(await store.accounts.membershipOf('person-BBBBBBBBBBBBBBBBBBBBBB', 'board0000001')).toBeNull();
  });

  it('a signed-in person can hold several credentials, each proving them', async () => {
    const { store } = await open(name);
    const personId = await store.accounts.upsertSignedIn({ ...ann, id: signedInPersonId(ann.issuer, ann.subject) });
    await store.identities.addCredential(personId, new Uint8Array(32).fill(3), 1);
    await store.identities.addCredential(personId, new Uint8Array(32).fill(4), 2);
    expect((await store.identities.personByCredential(new Uint8Array(32).fill(3)))?.id).toBe(personId);
    expect((await store.identities.personByCredential(new Uint8Array(32).fill(4)))?.id).toBe(personId);
    expect(await store.identities.personByCredential(new Uint8Array(32).fill(5))).toBeNull();
  });
});

// `people` as the release before sign-in made it: opening the store adds the new columns.
const OLD_PEOPLE = `CREATE TABLE people (id TEXT PRIMARY KEY, credential_hash BLOB NOT NULL UNIQUE, created_at INTEGER NOT NULL,
  issued_board_id TEXT NOT NULL, issued_role TEXT NOT NULL, revoked_at INTEGER) STRICT`;

describe('a database from before sign-in upgrades on open', () => {
  it('SQLite: people gains issuer, subject, email, name; existing people stay', async () => {
    const dir = makeTempDir();
    cleanups.push(() => removeDir(dir));
    const raw = new DatabaseSync(sqlitePath(dir));
    raw.exec(OLD_PEOPLE);
    raw
      .prepare("INSERT INTO people VALUES ('person-CCCCCCCCCCCCCCCCCCCCCC', ?, 1, 'board0000001', 'editor', NULL)")
      .run(new Uint8Array(32).fill(7));
    raw.close();
    const store = await openSqliteRepositories(dir);
    cleanups.push(() => store.close());
    expect((await store.identities.personByCredential(new Uint8Array(32).fill(7)))?.id).toBe(
      'person-CCCCCCCCCCCCCCCCCCCCCC',
    );
    expect(await store.accounts.upsertSignedIn({ ...ann, id: signedInPersonId(ann.issuer, ann.subject) })).toBe(
      signedInPersonId(ann.issuer, ann.subject),
    );
  });

  it('PostgreSQL: the same, under the schema lock', async () => {
    const schema = uniqueSchema();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(
        `CREATE TABLE ${schema}.people (id TEXT PRIMARY KEY, credential_hash BYTEA NOT NULL UNIQUE, created_at BIGINT NOT NULL, issued_board_id TEXT NOT NULL, issued_role TEXT NOT NULL, revoked_at BIGINT)`,
      );
    } finally {
      await client.end();
    }
    const store = await openPostgresRepositories({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 2 });
    cleanups.push(async () => (await store.close(), await dropSchema(schema)));
    const id = await store.accounts.upsertSignedIn({ ...ann, id: signedInPersonId(ann.issuer, ann.subject) });
    expect(await store.accounts.profileOf(id)).toEqual({ issuer: ann.issuer, email: ann.email, name: ann.name });
  });
});
