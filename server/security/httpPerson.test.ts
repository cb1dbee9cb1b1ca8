import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { CREDENTIAL_COOKIE, CREDENTIAL_HEADER } from '../../shared/protocol/identity.ts';
import { PEOPLE } from '../../shared/protocol/people.ts';
import { facilitatorOn } from '../testing/facilitator.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { identityNamed, issueIdentity } from '../testing/identities.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

/** Every board route a link holder reads by HTTP: each must be bound to a proven person who may be on the board. */
const READS = (id: string) => [
  `/api/boards/${id}`,
  `/api/boards/${id}/state`,
  `/api/boards/${id}/priorities.csv`,
  `/api/boards/${id}/priorities.json`,
  `/api/boards/${id}/export.json`,
  `/api/boards/${id}/checkpoints`,
  `/api/boards/${id}/links`,
];

interface Answer {
  readonly status: number;
  readonly code: string | null;
}

/**
 * As an outside client would: a link holder calls the board's HTTP routes with a share link and,
 * or without, a person. Before this, the link alone was enough, so a person the facilitator had
 * removed, or who was still waiting in the lobby, read the whole board by HTTP.
 */
describe('every board call over HTTP is bound to a proven person who may be on the board', () => {
  const providers: HocuspocusProvider[] = [];
  let server: TestServer | undefined;
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await server?.close();
    server = undefined;
  });

  async function board() {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const call = async (path: string, token: string, person: Record<string, string> = {}): Promise<Answer> => {
      const res = await fetch(`${server!.url}${path}`, { headers: { Authorization: `Bearer ${token}`, ...person } });
      const body = res.headers.get('Content-Type')?.startsWith('application/json')
        ? ((await res.json()) as { error?: { code?: string } })
        : null;
      await res.body?.cancel().catch(() => undefined);
      return { status: res.status, code: body?.error?.code ?? null };
    };
    /** What every read route answers to this caller. */
    const everyRead = async (token: string, person: Record<string, string> = {}) =>
      Promise.all(READS(id).map((path) => call(path, token, person)));
    const credentialOf = async (role: Role, name: string) =>
      (await identityNamed(server!.wsUrl, id, tokens[role], name))!.credential;
    return { id, tokens, call, everyRead, credentialOf };
  }

  it('a link without a person, or with a made-up or malformed credential, is refused identity-required on every read', async () => {
    const { tokens, everyRead } = await board();
    const refused = { status: 401, code: 'identity-required' };
    expect(await everyRead(tokens.viewer)).toEqual(READS('x').map(() => refused));
    const madeUp = `jbc_${'A'.repeat(43)}`;
    expect(await everyRead(tokens.facilitator, { [CREDENTIAL_HEADER]: madeUp })).toEqual(READS('x').map(() => refused));
    expect(await everyRead(tokens.editor, { [CREDENTIAL_HEADER]: 'not a credential' })).toEqual(
      READS('x').map(() => refused),
    );
    expect(await everyRead(tokens.editor, { Cookie: `${CREDENTIAL_COOKIE}=${madeUp}` })).toEqual(
      READS('x').map(() => refused),
    );
  });

  it('a proven person reads with the header or with the cookie a browser sends; a wrong link is still refused for the link', async () => {
    const { id, tokens, everyRead, call, credentialOf } = await board();
    const ann = await credentialOf('viewer', 'ann');
    for (const answer of await everyRead(tokens.viewer, { [CREDENTIAL_HEADER]: ann })) expect(answer.status).toBe(200);
    for (const answer of await everyRead(tokens.viewer, { Cookie: `${CREDENTIAL_COOKIE}=${ann}` }))
      expect(answer.status).toBe(200);
    expect(await call(`/api/boards/${id}/state`, 'x'.repeat(32), { [CREDENTIAL_HEADER]: ann })).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect(await call(`/api/boards/zzzzzzzzzzzz/state`, tokens.viewer, { [CREDENTIAL_HEADER]: ann })).toEqual({
      status: 404,
      code: 'not-found',
    });
  });

  it('a person the facilitator removed reads nothing more by HTTP, whichever link and however they send the credential', async () => {
    const { id, tokens, everyRead, credentialOf } = await board();
    const fac = await facilitatorOn(server!.wsUrl, id, tokens.facilitator, providers);
    const alice = await credentialOf('editor', 'alice');
    const alicesConnection = await connectProvider(server!.wsUrl, id, { token: tokens.editor, credential: alice });
    providers.push(alicesConnection);
    const aliceId = (await identityNamed(server!.wsUrl, id, tokens.editor, 'alice'))!.personId;
    for (const answer of await everyRead(tokens.editor, { [CREDENTIAL_HEADER]: alice }))
      expect(answer.status).toBe(200);

    fac.send({ type: PEOPLE.remove, personId: aliceId, name: 'Alice' });
    const removed = { status: 403, code: 'removed-from-board' };
    await waitFor(async () => (await everyRead(tokens.editor, { [CREDENTIAL_HEADER]: alice }))[0]?.status === 403, {
      what: 'the removal to take effect',
    });
    expect(await everyRead(tokens.editor, { [CREDENTIAL_HEADER]: alice })).toEqual(READS('x').map(() => removed));
    expect(await everyRead(tokens.viewer, { Cookie: `${CREDENTIAL_COOKIE}=${alice}` })).toEqual(
      READS('x').map(() => removed),
    );
    // Someone else with the same link is not affected.
    const bob = await credentialOf('editor', 'bob');
    for (const answer of await everyRead(tokens.editor, { [CREDENTIAL_HEADER]: bob })) expect(answer.status).toBe(200);
  });

  it('with admission on, a newcomer waits for the facilitator before reading anything by HTTP; the facilitator link never waits', async () => {
    const { id, tokens, everyRead, call } = await board();
    const fac = await facilitatorOn(server!.wsUrl, id, tokens.facilitator, providers);
    fac.send({ type: PEOPLE.admission, on: true });
    await waitFor(() => fac.lobby()?.admission === true, { what: 'admission to be on' });

    const newcomer = (await issueIdentity(server!.wsUrl, id, tokens.editor))!;
    const waiting = { status: 403, code: 'awaiting-admission' };
    expect(await everyRead(tokens.editor, { [CREDENTIAL_HEADER]: newcomer.credential })).toEqual(
      READS('x').map(() => waiting),
    );
    // An HTTP call only learns it waits; knocking is the board connection's (it carries a name).
    expect(fac.lobby()?.waiting).toEqual([]);

    const host = (await issueIdentity(server!.wsUrl, id, tokens.facilitator))!;
    expect(await call(`/api/boards/${id}/state`, tokens.facilitator, { [CREDENTIAL_HEADER]: host.credential })).toEqual(
      { status: 200, code: null },
    );

    fac.send({ type: PEOPLE.admit, personId: newcomer.personId });
    await waitFor(
      async () =>
        (await call(`/api/boards/${id}/state`, tokens.editor, { [CREDENTIAL_HEADER]: newcomer.credential })).status ===
        200,
      { what: 'the newcomer to be let in' },
    );
    for (const answer of await everyRead(tokens.editor, { [CREDENTIAL_HEADER]: newcomer.credential }))
      expect(answer.status).toBe(200);
  });
});
