import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { logLevel, onLogLine, setLogLevel } from '../observability/log.ts';
import type {
  ApiErrorResponse,
  BoardInfoResponse,
  BoardLinksResponse,
  BoardListResponse,
} from '../../shared/protocol/http.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { fetchAsPerson, issueIdentity } from '../testing/identities.ts';
import { CREDENTIAL_COOKIE, CREDENTIAL_HEADER } from '../../shared/protocol/identity.ts';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('share links and tokens over HTTP', () => {
  let server: TestServer;
  afterEach(async () => {
    vi.restoreAllMocks();
    await server?.close();
  });
  const code = async (res: Response) => ((await res.json()) as ApiErrorResponse).error.code;

  it('GET /api/boards/:id needs a token of the board (header or ?token=); unknown boards stay 404', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Secret' });
    const none = await fetch(`${server.url}/api/boards/${id}`);
    expect(none.status).toBe(401);
    expect(await code(none)).toBe('unauthorized');
    expect((await fetch(`${server.url}/api/boards/${id}`, { headers: bearer('nope'.repeat(8)) })).status).toBe(401);
    const viaHeader = await fetchAsPerson(`${server.url}/api/boards/${id}`, tokens.viewer);
    expect(((await viaHeader.json()) as BoardInfoResponse).title).toBe('Secret');
    const cookie = {
      Cookie: `${CREDENTIAL_COOKIE}=${(await issueIdentity(server.wsUrl, id, tokens.commenter))!.credential}`,
    };
    expect((await fetch(`${server.url}/api/boards/${id}?token=${tokens.commenter}`, { headers: cookie })).status).toBe(
      200,
    );
    expect((await fetchAsPerson(`${server.url}/api/boards/unknown00001`, tokens.viewer)).status).toBe(404);
  });

  it('GET …/links shows each role the links it may hand out', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const linksOf = async (token: string) =>
      (await (await fetchAsPerson(`${server.url}/api/boards/${id}/links`, token)).json()) as BoardLinksResponse;
    const f = await linksOf(tokens.facilitator);
    expect(f.role).toBe('facilitator');
    expect(Object.keys(f.links)).toEqual(['facilitator', 'editor', 'commenter', 'viewer']);
    expect(f.links.editor).toBe(`/b/${id}#token=${tokens.editor}`);
    expect(Object.keys((await linksOf(tokens.editor)).links)).toEqual(['editor', 'commenter', 'viewer']);
    expect(Object.keys((await linksOf(tokens.commenter)).links)).toEqual(['commenter', 'viewer']);
    expect(await linksOf(tokens.viewer)).toEqual({
      role: 'viewer',
      links: { viewer: `/b/${id}#token=${tokens.viewer}` },
    });
    expect((await fetch(`${server.url}/api/boards/${id}/links`)).status).toBe(401);
  });

  it('only a facilitator rotates a link; the answer carries the new link, the old token stops working', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const rotate = (role: string, token: string) =>
      fetchAsPerson(`${server.url}/api/boards/${id}/links/${role}/rotate`, token, { method: 'POST' });
    const byEditor = await rotate('viewer', tokens.editor);
    expect(byEditor.status).toBe(403);
    expect(await code(byEditor)).toBe('forbidden');
    expect((await rotate('viewer', 'x'.repeat(32))).status).toBe(401);
    expect((await rotate('owner', tokens.facilitator)).status).toBe(404);
    const ok = await rotate('editor', tokens.facilitator);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as BoardLinksResponse;
    expect(body.links.editor).not.toContain(tokens.editor);
    expect((await fetchAsPerson(`${server.url}/api/boards/${id}`, tokens.editor)).status).toBe(401);
    // The facilitator can rotate its own link and gets the new one back.
    const own = (await (await rotate('facilitator', tokens.facilitator)).json()) as BoardLinksResponse;
    expect(own.role).toBe('facilitator');
    expect(own.links.facilitator).not.toContain(tokens.facilitator);
  });

  it('CREATE_TOKEN makes creating a board require it', async () => {
    server = await startTestServer({ createToken: 'create-token-0123456789' });
    const json = { 'Content-Type': 'application/json' };
    const denied = await fetch(`${server.url}/api/boards`, { method: 'POST', body: '{}', headers: json });
    expect(denied.status).toBe(401);
    expect(await code(denied)).toBe('unauthorized');
    expect(
      (
        await fetch(`${server.url}/api/boards`, {
          method: 'POST',
          body: '{}',
          headers: { ...json, ...bearer('wrong-token-0123456789') },
        })
      ).status,
    ).toBe(401);
    await createBoardWithLinks(server.url, {}, bearer('create-token-0123456789'));
  });

  it('GET /api/boards lists every board only with ADMIN_TOKEN; without it configured, listing is off', async () => {
    server = await startTestServer({ adminToken: 'admin-token-0123456789' });
    const a = await createBoardWithLinks(server.url, { title: 'A' });
    const b = await createBoardWithLinks(server.url, { title: 'B' });
    expect((await fetch(`${server.url}/api/boards`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards`, { headers: bearer(a.tokens.facilitator) })).status).toBe(401);
    const list = (await (
      await fetch(`${server.url}/api/boards`, { headers: bearer('admin-token-0123456789') })
    ).json()) as BoardListResponse;
    expect(list.boards.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    await server.close();

    server = await startTestServer();
    const off = await fetch(`${server.url}/api/boards`, { headers: bearer('admin-token-0123456789') });
    expect(off.status).toBe(403);
  });

  it('never logs a token', async () => {
    const lines: string[] = [];
    for (const m of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    // The server logs through pino (server/observability/log.ts): read its lines at info level.
    const level = logLevel();
    setLogLevel('info');
    const stop = onLogLine((line) => lines.push(line));
    onTestFinished(() => {
      stop();
      setLogLevel(level);
    });
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const person = (await issueIdentity(server.wsUrl, id, tokens.facilitator))!;
    await fetch(`${server.url}/api/boards/${id}/links/viewer/rotate`, {
      method: 'POST',
      headers: { ...bearer(tokens.facilitator), [CREDENTIAL_HEADER]: person.credential },
    });
    await fetch(`${server.url}/api/boards/${id}?token=${tokens.editor}`, {
      headers: { Cookie: `${CREDENTIAL_COOKIE}=${person.credential}` },
    });
    await fetch(`${server.url}/api/boards/${id}`, { headers: bearer('guess'.repeat(8)) });
    expect(lines.length).toBeGreaterThan(0); // the rotation is logged…
    for (const t of [...Object.values(tokens), person.credential]) expect(lines.join('\n')).not.toContain(t); // …without a secret
  });
});
