import { afterEach, describe, expect, it } from 'vitest';
import { credentialAuthorization, REDEEM_PATH, TRANSFERS_PATH } from '../../shared/protocol/deviceTransfer.ts';
import { IdentityRequired } from '../../shared/protocol/closeReasons.ts';
import { issuedIdentitySchema, type IssuedIdentity } from '../../shared/protocol/identity.ts';
import type { VoterIdentity } from '../../shared/protocol/voting.ts';
import { identityNamed } from '../testing/identities.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { connectProvider, ConnectionRefused } from '../testing/providers.ts';
import {
  createBoardWithLinks,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../testing/testServer.ts';
import { VotingClient } from '../testing/votingClient.ts';

const alice: VoterIdentity = { id: 'alice', name: 'Alice', department: 'sales' };
const fran: VoterIdentity = { id: 'fran', name: 'Fran', department: 'product' };
const TEN_MINUTES = 10 * 60_000;

/**
 * "Use this identity on another device", over raw HTTP and raw providers: a code issued to a
 * proven person gives one other device a credential of its own for that person, once, for ten
 * minutes. Run on both stores, as the single-use check is the database's.
 */
describe.each(['sqlite', 'postgres'] as const)('device transfers (%s)', (dialect) => {
  let server: TestServer | undefined;
  const schemas: string[] = [];
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    cleanups.splice(0).forEach((c) => c());
    await server?.close();
    server = undefined;
    for (const s of schemas.splice(0)) await dropSchema(s);
  });

  async function start(options: TestServerOptions = {}, now?: () => number) {
    const database: TestServerOptions =
      dialect === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: uniqueSchema() } : {};
    if (database.databaseSchema) schemas.push(database.databaseSchema);
    server = await startTestServer({ ...database, ...options }, { now });
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const person = (await identityNamed(server.wsUrl, id, tokens.editor, alice.id))!;
    return { id, tokens, person, server };
  }

  async function issue(credentialHeader: string | null): Promise<Response> {
    return fetch(`${server!.url}${TRANSFERS_PATH}`, {
      method: 'POST',
      headers: credentialHeader ? { Authorization: credentialHeader } : {},
    });
  }

  async function issueCode(person: IssuedIdentity): Promise<string> {
    const res = await issue(credentialAuthorization(person.credential));
    expect(res.status).toBe(201);
    return ((await res.json()) as { code: string }).code;
  }

  function redeem(code: unknown): Promise<Response> {
    return fetch(`${server!.url}${REDEEM_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  }

  async function errorCode(res: Response): Promise<[number, string]> {
    return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
  }

  async function voter(boardId: string, token: string, person: VoterIdentity, identity?: IssuedIdentity) {
    const client = await VotingClient.connect(server!.wsUrl, boardId, token, person, { identity });
    cleanups.push(() => client.destroy());
    return client;
  }

  it('the second device gets its own credential for the same person: it sees and spends the same ballot', async () => {
    const { id, tokens, person } = await start();
    const before = Date.now();
    const res = await issue(credentialAuthorization(person.credential));
    expect(res.status).toBe(201);
    const transfer = (await res.json()) as { code: string; expiresAt: number; expiresInMs: number };
    expect(transfer.expiresInMs).toBe(TEN_MINUTES);
    expect(transfer.code).toMatch(/^jbt_[A-Za-z0-9_-]{43}$/);
    expect(transfer.expiresAt).toBeGreaterThanOrEqual(before + TEN_MINUTES);
    expect(transfer.expiresAt).toBeLessThanOrEqual(Date.now() + TEN_MINUTES);

    const redeemed = await redeem(transfer.code);
    expect(redeemed.status).toBe(201);
    const second = issuedIdentitySchema.parse(await redeemed.json());
    expect(second.personId).toBe(person.personId);
    expect(second.credential).not.toBe(person.credential);

    const facilitator = await voter(id, tokens.facilitator, fran);
    const first = await voter(id, tokens.editor, alice, person);
    const other = await voter(id, tokens.editor, alice, second);
    expect(other.person.id).toBe(first.person.id);
    const [pain, another] = first.notes('pain');
    const roundId = await facilitator.start({ title: 'Moved', dotsPerPerson: 3 });
    const seen = other.mark();
    expect(await first.dot(roundId, pain!.id)).toMatchObject({ remaining: 2 });
    // A ballot goes only to its person's connections: the second device is that person.
    expect(await other.next((m) => m.type === 'voting:ballot', seen)).toMatchObject({
      dots: { [pain!.id]: 1 },
      remaining: 2,
    });
    expect(await other.dot(roundId, another!.id)).toMatchObject({
      remaining: 1,
      dots: { [pain!.id]: 1, [another!.id]: 1 },
    });
  });

  it('a code works once: used again, or by a second device racing the first, it is refused', async () => {
    const { person } = await start();
    const code = await issueCode(person);
    const answers = await Promise.all([redeem(code), redeem(code)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 410]);
    expect(await errorCode(answers.find((r) => r.status === 410)!)).toEqual([410, 'transfer-used']);
    expect(await errorCode(await redeem(code))).toEqual([410, 'transfer-used']);
  });

  it('a code expires ten minutes after it is made', async () => {
    let clock = Date.now();
    const { person } = await start({}, () => clock);
    const early = await issueCode(person);
    clock += TEN_MINUTES - 1000;
    expect((await redeem(early)).status).toBe(201);

    const late = await issueCode(person);
    clock += TEN_MINUTES;
    expect(await errorCode(await redeem(late))).toEqual([410, 'transfer-expired']);
  });

  it('a new link replaces the earlier one; an unknown or malformed code is not found', async () => {
    const { person } = await start();
    const replaced = await issueCode(person);
    const current = await issueCode(person);
    expect(await errorCode(await redeem(replaced))).toEqual([404, 'transfer-not-found']);
    expect(await errorCode(await redeem(`jbt_${'A'.repeat(43)}`))).toEqual([404, 'transfer-not-found']);
    expect(await errorCode(await redeem('not-a-code'))).toEqual([404, 'transfer-not-found']);
    expect(await errorCode(await redeem(42))).toEqual([400, 'invalid-request']);
    expect((await redeem(current)).status).toBe(201);
  });

  it('only a proven person gets a code: no credential, a share token, a made-up or revoked credential, or one in the URL are refused', async () => {
    const { tokens, person, server: s } = await start();
    const refusals = [
      await issue(null),
      await issue(`Bearer ${tokens.facilitator}`),
      await issue(`Bearer ${person.credential}`),
      await issue(credentialAuthorization(`jbc_${'A'.repeat(43)}`)),
      await fetch(`${s.url}${TRANSFERS_PATH}?credential=${person.credential}`, { method: 'POST' }),
    ];
    for (const res of refusals) expect(await errorCode(res)).toEqual([401, 'credential-required']);
    expect(refusals[0]!.headers.get('www-authenticate')).toBe('Credential');

    const second = issuedIdentitySchema.parse(await (await redeem(await issueCode(person))).json());
    await s.server.identities.revoke(person.personId);
    expect(await errorCode(await issue(credentialAuthorization(person.credential)))).toEqual([
      401,
      'credential-required',
    ]);
    expect(await errorCode(await issue(credentialAuthorization(second.credential)))).toEqual([
      401,
      'credential-required',
    ]);
  });

  it('a device credential is refused on connection once its person is revoked', async () => {
    const { id, tokens, person, server: s } = await start();
    const second = issuedIdentitySchema.parse(await (await redeem(await issueCode(person))).json());
    const provider = await connectProvider(s.wsUrl, id, { token: tokens.editor, credential: second.credential });
    provider.destroy();
    await s.server.identities.revoke(person.personId);
    await expect(connectProvider(s.wsUrl, id, { token: tokens.editor, credential: second.credential })).rejects.toEqual(
      new ConnectionRefused(IdentityRequired.reason),
    );
  });

  it('redemption attempts from one address are limited, right or wrong', async () => {
    const { person } = await start({ limits: { maxDeviceTransferAttempts: 3 } as never });
    const code = await issueCode(person);
    for (let i = 0; i < 3; i++) expect((await redeem(`jbt_${String(i).repeat(43)}`)).status).toBe(404);
    const limited = await redeem(code);
    expect(await errorCode(limited)).toEqual([429, 'too-many-attempts']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
