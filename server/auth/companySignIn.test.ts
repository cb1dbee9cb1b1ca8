import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IdentityRequired } from '../../shared/protocol/closeReasons.ts';
import { CREDENTIAL_HEADER, identitiesPath, issuedIdentitySchema } from '../../shared/protocol/identity.ts';
import { TestBrowser } from '../testing/browser.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../testing/oidcProvider.ts';
import { connectProvider, ConnectionRefused, waitFor } from '../testing/providers.ts';
import { VotingClient } from '../testing/votingClient.ts';
import { VOTING } from '../../shared/protocol/voting.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';
import { fetchAsPerson, issueIdentity } from '../testing/identities.ts';

interface Me {
  signInAvailable: boolean;
  signedIn: boolean;
  person: { id: string; name: string | null; email: string | null } | null;
}

/** Drives /auth/login to its end as `subject`; `tamper` sees (and may change) every hop. */
function signInAt(
  url: string,
  browser: TestBrowser,
  subject: string,
  returnTo = '/',
  tamper: (u: URL) => URL = (u) => u,
) {
  return browser.follow(`${url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, (next) => {
    if (next.pathname.startsWith('/interaction/')) next.searchParams.set('as', subject);
    return tamper(next);
  });
}

async function meAt(url: string, browser: TestBrowser): Promise<Me> {
  return (await (await browser.fetch(`${url}/api/me`)).json()) as Me;
}

/**
 * Company sign-in against a real OpenID provider (oidc-provider) and a real server, driven as a
 * browser would: every redirect followed by hand, cookies kept per origin.
 */
describe('company sign-in (OpenID Connect)', () => {
  let idp: TestOidcProvider;
  let server: TestServer;
  let clockShift = 0;
  const providers: HocuspocusProvider[] = [];

  beforeAll(async () => {
    idp = await startTestOidcProvider();
    idp.accounts.set('ann-123', { email: 'Ann@Example.com', name: 'Ann Lee' });
    idp.accounts.set('bo-456', { email: 'bo@other.org', name: 'Bo' });
    server = await startTestServer(
      {
        oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
        sessionTtlMs: 60 * 60_000,
      },
      { now: () => Date.now() + clockShift },
    );
    idp.serve(`${server.url}/auth/callback`);
  });

  afterEach(() => {
    clockShift = 0;
    for (const p of providers.splice(0)) p.destroy();
  });

  afterAll(async () => {
    await server?.close();
    await idp?.close();
  });

  const signIn = (browser: TestBrowser, subject: string, returnTo = '/', tamper?: (u: URL) => URL) =>
    signInAt(server.url, browser, subject, returnTo, tamper);
  const me = (browser: TestBrowser) => meAt(server.url, browser);

  it('signs a person in: a session cookie, their name and email from the claims, back where they were', async () => {
    const browser = new TestBrowser();
    expect(await me(browser)).toEqual({ signInAvailable: true, signedIn: false, person: null });
    const { response, url } = await signIn(browser, 'ann-123', '/b/some-board');
    expect(url.href).toBe(`${server.url}/b/some-board`);
    expect(response.status).not.toBe(303);
    const session = browser.cookie(server.url, 'jb_session');
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const who = await me(browser);
    expect(who).toMatchObject({ signedIn: true, person: { name: 'Ann Lee', email: 'ann@example.com' } });
    expect(who.person?.id).toMatch(/^person-[A-Za-z0-9_-]{22}$/);
    // The database knows the session by the cookie's sha256 only.
    const sha = new Uint8Array(createHash('sha256').update(session!).digest());
    expect((await server.server.store.accounts.sessionByHash(sha))?.personId).toBe(who.person?.id);
    expect(
      await server.server.store.accounts.sessionByHash(new Uint8Array(Buffer.from(session!, 'base64url'))),
    ).toBeNull();
  });

  it('cookies are HttpOnly and SameSite=Lax: the attempt only on /auth, the session on / for its lifetime', async () => {
    const browser = new TestBrowser();
    const setCookies: string[] = [];
    const login = await browser.fetch(`${server.url}/auth/login`);
    setCookies.push(...login.headers.getSetCookie());
    let current = new URL(login.headers.get('location')!);
    while (current.pathname !== '/auth/callback') {
      if (current.pathname.startsWith('/interaction/')) current.searchParams.set('as', 'ann-123');
      const hop = await browser.fetch(current);
      current = new URL(hop.headers.get('location')!, current);
    }
    setCookies.push(...(await browser.fetch(current)).headers.getSetCookie());
    expect(setCookies.find((l) => l.startsWith('jb_signin=') && !l.includes('Max-Age=0'))).toMatch(
      /; Path=\/auth; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    expect(setCookies.find((l) => l.startsWith('jb_session='))).toMatch(
      /^jb_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/,
    );
  });

  it('the same person on a second device: same person id, and a credential issued for that person', async () => {
    const laptop = new TestBrowser();
    const phone = new TestBrowser();
    await signIn(laptop, 'ann-123');
    await signIn(phone, 'ann-123');
    expect(laptop.cookie(server.url, 'jb_session')).not.toBe(phone.cookie(server.url, 'jb_session'));
    const onLaptop = await me(laptop);
    const onPhone = await me(phone);
    expect(onPhone.person?.id).toBe(onLaptop.person?.id);

    const board = await createBoardWithLinks(server.url);
    const issued = await phone.fetch(`${server.url}${identitiesPath(board.id)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.editor}` },
    });
    expect(issued.status).toBe(201);
    const identity = issuedIdentitySchema.parse(await issued.json());
    expect(identity.personId).toBe(onLaptop.person?.id);
    expect((await server.server.identities.verify(identity.credential))?.id).toBe(onLaptop.person?.id);
    // Someone else signed in is someone else.
    const bo = new TestBrowser();
    await signIn(bo, 'bo-456');
    expect((await me(bo)).person?.id).not.toBe(onLaptop.person?.id);
  });

  it('a callback whose state was changed is refused: no session', async () => {
    const browser = new TestBrowser();
    const { url } = await signIn(browser, 'ann-123', '/', (next) => {
      if (next.pathname === '/auth/callback' && next.origin === new URL(server.url).origin)
        next.searchParams.set('state', 'not-the-state');
      return next;
    });
    expect(url.pathname + url.search).toBe('/?signIn=failed');
    expect(browser.cookie(server.url, 'jb_session')).toBeUndefined();
    expect((await me(browser)).signedIn).toBe(false);
  });

  it('an ID token with another nonce than the one this browser was given is refused', async () => {
    const browser = new TestBrowser();
    const { url } = await signIn(browser, 'ann-123', '/', (next) => {
      // The authorization request reaches the provider with a nonce of someone else's choosing.
      if (next.origin === idp.issuer && next.pathname === '/auth' && next.searchParams.has('nonce'))
        next.searchParams.set('nonce', 'attacker-nonce');
      return next;
    });
    expect(url.pathname + url.search).toBe('/?signIn=failed');
    expect(browser.cookie(server.url, 'jb_session')).toBeUndefined();
  });

  it('a callback in a browser that did not start the sign-in (login CSRF) is refused', async () => {
    const attacker = new TestBrowser();
    let callback: URL | null = null;
    await signIn(attacker, 'bo-456', '/', (next) => {
      if (next.pathname === '/auth/callback' && next.origin === new URL(server.url).origin) {
        callback = new URL(next);
        return new URL('/nowhere', server.url);
      }
      return next;
    });
    expect(callback).not.toBeNull();
    const victim = new TestBrowser();
    const { url } = await victim.follow(callback!);
    expect(url.pathname + url.search).toBe('/?signIn=failed');
    expect(victim.cookie(server.url, 'jb_session')).toBeUndefined();
  });

  it('a connection with only a session cookie is that person; an expired session is not', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'ann-123');
    const ann = (await me(browser)).person!.id;
    const board = await createBoardWithLinks(server.url);
    const cookie = browser.cookieFor(`${server.url}/collab`)!;
    const provider = await connectProvider(server.wsUrl, board.id, {
      token: board.tokens.editor,
      credential: null,
      cookie,
    });
    providers.push(provider);
    const connection = [...server.server.hocuspocus.documents.get(board.id)!.getConnections()][0]!;
    expect((connection.context as { person: { id: string } }).person.id).toBe(ann);

    clockShift = 60 * 60_000 + 1000;
    expect((await me(browser)).signedIn).toBe(false);
    const refused = await connectProvider(server.wsUrl, board.id, {
      token: board.tokens.editor,
      credential: null,
      cookie,
    }).then(
      (p) => (p.destroy(), null),
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConnectionRefused);
    expect((refused as ConnectionRefused).reason).toBe(IdentityRequired.reason);
  });

  it('signing out ends the session on the server; a cross-site POST cannot sign anyone out', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'ann-123');
    const session = browser.cookieFor(`${server.url}/`)!;
    const forged = await browser.fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'x-journeyboard-request': '1' },
    });
    expect(forged.status).toBe(403);
    const bare = await browser.fetch(`${server.url}/auth/logout`, { method: 'POST' });
    expect(bare.status).toBe(403);
    expect((await me(browser)).signedIn).toBe(true);

    const out = await browser.fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Origin: server.url, 'x-journeyboard-request': '1' },
    });
    expect(out.status).toBe(204);
    expect(browser.cookie(server.url, 'jb_session')).toBeUndefined();
    // The old cookie, replayed, opens nothing: the session row is gone.
    const replay = await fetch(`${server.url}/api/me`, { headers: { cookie: session } });
    expect(((await replay.json()) as Me).signedIn).toBe(false);
  });

  it('My boards: boards a signed-in person joined, with title and role, on every device', async () => {
    const laptop = new TestBrowser();
    await signIn(laptop, 'bo-456');
    expect((await laptop.fetch(`${server.url}/api/me/boards`)).status).toBe(200);
    const first = await createBoardWithLinks(server.url, { title: 'Onboarding journey' });
    const second = await createBoardWithLinks(server.url, { title: 'Returns journey' });
    const cookie = laptop.cookieFor(`${server.url}/collab`)!;
    providers.push(
      await connectProvider(server.wsUrl, first.id, { token: first.tokens.commenter, credential: null, cookie }),
    );
    providers.push(
      await connectProvider(server.wsUrl, second.id, { token: second.tokens.facilitator, credential: null, cookie }),
    );

    const phone = new TestBrowser();
    await signIn(phone, 'bo-456');
    const boards = await waitFor(
      async () => {
        const listed = (
          (await (await phone.fetch(`${server.url}/api/me/boards`)).json()) as {
            boards: { id: string; title: string; role: string }[];
          }
        ).boards;
        return listed.length === 2 ? listed : null;
      },
      { what: 'both boards in My boards' },
    );
    expect(
      boards.map(({ id, title, role }) => ({ id, title, role })).sort((a, b) => a.title.localeCompare(b.title)),
    ).toEqual([
      { id: first.id, title: 'Onboarding journey', role: 'commenter' },
      { id: second.id, title: 'Returns journey', role: 'facilitator' },
    ]);
    expect((await fetch(`${server.url}/api/me/boards`)).status).toBe(401);
  });

  it('a signed-in member opens a board from My boards on a new device without its link; guests and strangers cannot', async () => {
    const board = await createBoardWithLinks(server.url, { title: 'Member journey' });
    const laptop = new TestBrowser();
    await signIn(laptop, 'bo-456');
    providers.push(
      await connectProvider(server.wsUrl, board.id, {
        token: board.tokens.editor,
        credential: null,
        cookie: laptop.cookieFor(`${server.url}/collab`)!,
      }),
    );
    /** Connects without any link: the roles the member then holds on the board, or the refusal. */
    const connect = async (cookie: string | undefined, credential: string | null = null) => {
      try {
        providers.push(await connectProvider(server.wsUrl, board.id, { token: '', credential, cookie }));
      } catch (error) {
        if (error instanceof ConnectionRefused) return error.reason;
        throw error;
      }
      return [...server.server.hocuspocus.documents.get(board.id)!.getConnections()]
        .map((c) => c.context as { role: string; person: { id: string } })
        .filter((c) => c.person.id === member?.id)
        .map((c) => c.role);
    };

    // A new device: signed in, no link, no credential.
    const phone = new TestBrowser();
    await signIn(phone, 'bo-456');
    const member = (await me(phone)).person;
    const phoneCookie = phone.cookieFor(`${server.url}/collab`)!;
    expect(await connect(phoneCookie)).toEqual(['editor', 'editor']);
    // Its HTTP calls too, and it gets a credential for the same person without the link.
    const links = await phone.fetch(`${server.url}/api/boards/${board.id}/links`);
    expect(await links.json()).toEqual({ role: 'editor', links: {} });
    expect((await phone.fetch(`${server.url}/api/boards/${board.id}/state`)).status).toBe(200);
    // Only reads: a change over HTTP still takes the link as a header, never a cookie alone.
    const save = await phone.fetch(`${server.url}/api/boards/${board.id}/checkpoints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'By cookie alone' }),
    });
    expect(save.status).toBe(401);
    const issued = issuedIdentitySchema.parse(
      await (await phone.fetch(`${server.url}${identitiesPath(board.id)}`, { method: 'POST' })).json(),
    );
    expect(issued.personId).toBe(member?.id);

    // Rotating the editor link does not close the member who came without it.
    const rotated = await fetchAsPerson(
      `${server.url}/api/boards/${board.id}/links/editor/rotate`,
      board.tokens.facilitator,
      {
        method: 'POST',
      },
    );
    expect(rotated.status).toBe(200);
    expect(await connect(phoneCookie)).toContain('editor');

    // A guest by link (a device-only person) and a signed-in stranger have no way in without a link.
    const guest = (await issueIdentity(server.wsUrl, board.id, board.tokens.viewer))!;
    expect(await connect(undefined, guest.credential)).toBe('unauthorized');
    expect(
      (
        await fetch(`${server.url}/api/boards/${board.id}/state`, {
          headers: { [CREDENTIAL_HEADER]: guest.credential },
        })
      ).status,
    ).toBe(401);
    const stranger = new TestBrowser();
    await signIn(stranger, 'ann-123');
    expect(await connect(stranger.cookieFor(`${server.url}/collab`)!)).toBe('unauthorized');
    expect((await stranger.fetch(`${server.url}/api/boards/${board.id}/links`)).status).toBe(401);
    expect((await stranger.fetch(`${server.url}${identitiesPath(board.id)}`, { method: 'POST' })).status).toBe(401);
  });

  it('a person by link only is never listed: My boards is for signed-in people', async () => {
    const board = await createBoardWithLinks(server.url);
    const provider = await connectProvider(server.wsUrl, board.id, { token: board.tokens.editor });
    providers.push(provider);
    const connection = [...server.server.hocuspocus.documents.get(board.id)!.getConnections()][0]!;
    const personId = (connection.context as { person: { id: string } }).person.id;
    expect(await server.server.store.accounts.membershipsOf(personId)).toEqual([]);
  });

  it('members-only board: a signed-in member of the domain edits and votes; other people with the editor link comment and are refused a vote', async () => {
    const board = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const rule = (token: string, membersDomain: string | null) =>
      fetchAsPerson(`${server.url}/api/boards/${board.id}/sign-in-rule`, token, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ membersDomain }),
      });
    expect((await rule(board.tokens.editor, 'example.com')).status).toBe(403);
    expect((await rule(board.tokens.facilitator, 'not a domain')).status).toBe(400);
    expect((await rule(board.tokens.facilitator, 'Example.com')).status).toBe(200);
    const read = await fetchAsPerson(`${server.url}/api/boards/${board.id}/sign-in-rule`, board.tokens.viewer);
    expect(await read.json()).toEqual({ membersDomain: 'example.com' });

    const annBrowser = new TestBrowser();
    await signIn(annBrowser, 'ann-123'); // ann@example.com
    const boBrowser = new TestBrowser();
    await signIn(boBrowser, 'bo-456'); // bo@other.org
    const facilitator = await VotingClient.connect(server.wsUrl, board.id, board.tokens.facilitator, {
      id: 'fran',
      name: 'Fran',
      department: 'product',
    });
    const ann = await VotingClient.connect(
      server.wsUrl,
      board.id,
      board.tokens.editor,
      { id: 'ann', name: 'Ann', department: 'sales' },
      { cookie: annBrowser.cookieFor(`${server.url}/collab`)! },
    );
    const bo = await VotingClient.connect(
      server.wsUrl,
      board.id,
      board.tokens.editor,
      { id: 'bo', name: 'Bo', department: 'support' },
      { cookie: boBrowser.cookieFor(`${server.url}/collab`)! },
    );
    const guest = await VotingClient.connect(server.wsUrl, board.id, board.tokens.editor, {
      id: 'gus',
      name: 'Gus',
      department: 'other',
    });
    for (const c of [facilitator, ann, bo, guest]) providers.push(c.provider);

    const annId = (await me(annBrowser)).person!.id;
    const boId = (await me(boBrowser)).person!.id;
    const idOf = new Map<VotingClient, string>([
      [ann, annId],
      [bo, boId],
      [guest, guest.person.id],
    ]);
    const contextOf = (client: VotingClient) =>
      [...server.server.hocuspocus.documents.get(board.id)!.getConnections()].find(
        (c) => (c.context as { person: { id: string } }).person.id === idOf.get(client),
      )!;
    expect(contextOf(ann).context).toMatchObject({ role: 'editor', guestOfDomain: null });
    expect(contextOf(ann).readOnly).toBe(false);
    for (const outsider of [bo, guest]) {
      expect(contextOf(outsider).context).toMatchObject({
        role: 'commenter',
        linkRole: 'editor',
        guestOfDomain: 'example.com',
      });
      expect(contextOf(outsider).readOnly).toBe(true);
    }

    const [pain] = ann.notes('pain');
    const roundId = await facilitator.start({ title: 'Members vote', dotsPerPerson: 3 });
    expect(await ann.dot(roundId, pain!.id)).toMatchObject({ type: VOTING.ballot, remaining: 2 });
    for (const outsider of [bo, guest]) {
      expect(await outsider.dot(roundId, pain!.id)).toMatchObject({
        type: VOTING.refused,
        code: 'members-only',
        message: expect.stringContaining('example.com'),
      });
    }

    // Lifted: the next connection with the editor link edits again.
    expect((await rule(board.tokens.facilitator, null)).status).toBe(200);
    const again = await connectProvider(server.wsUrl, board.id, {
      token: board.tokens.editor,
      cookie: boBrowser.cookieFor(`${server.url}/collab`)!,
      credential: null,
    });
    providers.push(again);
    const latest = [...server.server.hocuspocus.documents.get(board.id)!.getConnections()].at(-1)!;
    expect(latest.context).toMatchObject({ role: 'editor', guestOfDomain: null });
  });

  it('replacing the editor link also disconnects guests who came in with it as commenters', async () => {
    const board = await createBoardWithLinks(server.url);
    await fetchAsPerson(`${server.url}/api/boards/${board.id}/sign-in-rule`, board.tokens.facilitator, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ membersDomain: 'example.com' }),
    });
    const guest = await connectProvider(server.wsUrl, board.id, { token: board.tokens.editor });
    providers.push(guest);
    const connections = () => [...(server.server.hocuspocus.documents.get(board.id)?.getConnections() ?? [])];
    expect(connections().map((c) => (c.context as { role: string }).role)).toEqual(['commenter']);
    const rotated = await fetchAsPerson(
      `${server.url}/api/boards/${board.id}/links/editor/rotate`,
      board.tokens.facilitator,
      {
        method: 'POST',
      },
    );
    expect(rotated.status).toBe(200);
    await waitFor(() => connections().length === 0, { what: 'the guest to be disconnected' });
  });

  it('returnTo never leaves the server (no open redirect)', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const browser = new TestBrowser();
      const { url } = await signIn(browser, 'ann-123', returnTo);
      expect(url.href).toBe(`${server.url}/`);
    }
  });
});

describe('company sign-in with sessions in PostgreSQL', () => {
  it('signs in on two devices, connects by session, signs out', async () => {
    const idp = await startTestOidcProvider();
    idp.accounts.set('cy-789', { email: 'cy@example.com', name: 'Cy' });
    const schema = uniqueSchema();
    const store = await openTestPostgresStore(schema);
    const server = await startTestServer(
      { oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret } },
      { store },
    );
    idp.serve(`${server.url}/auth/callback`);
    try {
      const laptop = new TestBrowser();
      const phone = new TestBrowser();
      await signInAt(server.url, laptop, 'cy-789');
      await signInAt(server.url, phone, 'cy-789');
      const cy = (await meAt(server.url, laptop)).person!;
      expect(cy).toMatchObject({ name: 'Cy', email: 'cy@example.com' });
      expect((await meAt(server.url, phone)).person?.id).toBe(cy.id);
      const board = await createBoardWithLinks(server.url, { title: 'Claims journey' });
      const provider = await connectProvider(server.wsUrl, board.id, {
        token: board.tokens.editor,
        credential: null,
        cookie: phone.cookieFor(`${server.url}/collab`)!,
      });
      provider.destroy();
      // Recorded by the `connected` hook, which may finish after the first sync.
      const boards = await waitFor(
        async () => {
          const listed = (
            (await (await laptop.fetch(`${server.url}/api/me/boards`)).json()) as {
              boards: { id: string; role: string }[];
            }
          ).boards;
          return listed.length > 0 ? listed : null;
        },
        { what: 'the board in My boards' },
      );
      expect(boards).toMatchObject([{ id: board.id, title: 'Claims journey', role: 'editor' }]);
      expect(
        (await phone.fetch(`${server.url}/auth/logout`, { method: 'POST', headers: { 'x-journeyboard-request': '1' } }))
          .status,
      ).toBe(204);
      expect((await meAt(server.url, phone)).signedIn).toBe(false);
      expect((await meAt(server.url, laptop)).signedIn).toBe(true);
    } finally {
      await server.close();
      await idp.close();
      await dropSchema(schema);
    }
  });
});

describe('without OIDC configured', () => {
  it('says sign-in is off, and /auth/login is not found', async () => {
    const server = await startTestServer();
    try {
      const me = (await (await fetch(`${server.url}/api/me`)).json()) as Me;
      expect(me).toEqual({ signInAvailable: false, signedIn: false, person: null });
      expect((await fetch(`${server.url}/auth/login`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
