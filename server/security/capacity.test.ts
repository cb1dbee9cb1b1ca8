import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardFull } from '../../shared/protocol/closeReasons.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { encodeConnectionToken } from '../../shared/protocol/identity.ts';
import { identityNamed } from '../testing/identities.ts';
import { connectProvider, ConnectionRefused, waitFor } from '../testing/providers.ts';
import {
  createBoardWithLinks,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

/**
 * A provider whose socket says it comes through a proxy for `forwardedFor` (X-Forwarded-For).
 * Every such socket is one person (the crowd reuses one credential: a link issues only so many).
 */
async function connectFrom(
  wsUrl: string,
  boardId: string,
  token: string,
  forwardedFor: string,
): Promise<HocuspocusProvider> {
  const issued = await identityNamed(wsUrl, boardId, token, `crowd-${token}`);
  const connectionToken = encodeConnectionToken({ link: token, credential: issued?.credential ?? null });
  class ProxiedWebSocket extends WebSocket {
    constructor(url: string | URL) {
      super(url, { headers: { 'x-forwarded-for': forwardedFor } } as unknown as string[]);
    }
  }
  const websocketProvider = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: ProxiedWebSocket });
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: boardId,
      document: new Y.Doc(),
      token: connectionToken,
    });
    provider.on('synced', () => resolve(provider));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      provider.destroy();
      websocketProvider.destroy();
      reject(new ConnectionRefused(reason));
    });
    provider.attach(); // a provider given its socket attaches when told
  });
}

describe('a crowd cannot lock people out of a board', () => {
  let server: TestServer | undefined;
  const providers: HocuspocusProvider[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) {
      p.destroy();
      p.configuration.websocketProvider.destroy();
    }
    await server?.close();
  });

  async function board(limits: TestServerOptions['limits'], options: Omit<TestServerOptions, 'limits'> = {}) {
    server = await startTestServer({ limits, ...options });
    return createBoardWithLinks(server.url);
  }

  /** Resolves to the provider or the refusal reason. */
  async function attempt(join: () => Promise<HocuspocusProvider>): Promise<HocuspocusProvider | string> {
    try {
      const provider = await join();
      providers.push(provider);
      return provider;
    } catch (error) {
      if (error instanceof ConnectionRefused) return error.reason;
      throw error;
    }
  }

  // One person per link for the whole crowd: capacity, not the per-link identity limit, is under test.
  const connect = (id: string, token: string) =>
    attempt(() => connectProvider(server!.wsUrl, id, { token, as: `crowd-${token}` }));

  it('300 viewer sockets take at most the viewers’ share; an editor and the facilitator still get in', async () => {
    const { id, tokens } = await board({ maxConnectionsPerBoard: 20, maxConnectionsPerAddress: 1000 });
    const crowd = await Promise.all(Array.from({ length: 300 }, () => connect(id, tokens.viewer)));
    const admitted = crowd.filter((c) => typeof c !== 'string').length;
    expect(admitted).toBeLessThanOrEqual(18); // 20 minus the tenth kept for editors and facilitators
    expect(crowd.filter((c) => c === BoardFull.reason)).toHaveLength(300 - admitted);

    expect(typeof (await connect(id, tokens.facilitator))).not.toBe('string');
    expect(typeof (await connect(id, tokens.editor))).not.toBe('string');
  });

  it('editors filling the board do not keep the facilitator out, who can then rotate their link', async () => {
    const { id, tokens } = await board({ maxConnectionsPerBoard: 5, maxConnectionsPerAddress: 1000 });
    for (let i = 0; i < 5; i++) expect(typeof (await connect(id, tokens.editor))).not.toBe('string');
    expect(await connect(id, tokens.editor)).toBe(BoardFull.reason);
    expect(typeof (await connect(id, tokens.facilitator))).not.toBe('string');
    const rotated = await fetchAsPerson(`${server!.url}/api/boards/${id}/links/editor/rotate`, tokens.facilitator, {
      method: 'POST',
    });
    expect(rotated.status).toBe(200);
  });

  it('one address gets at most MAX_CONNECTIONS_PER_ADDRESS; a forged X-Forwarded-For does not escape it', async () => {
    const { id, tokens } = await board({ maxConnectionsPerBoard: 200, maxConnectionsPerAddress: 4 });
    const fromOneMachine = (role: Role, i: number) =>
      attempt(() => connectFrom(server!.wsUrl, id, tokens[role], `10.0.0.${i}`));
    for (let i = 0; i < 4; i++) expect(typeof (await fromOneMachine('editor', i))).not.toBe('string');
    expect(await fromOneMachine('editor', 9)).toBe(BoardFull.reason);
    expect(await fromOneMachine('viewer', 10)).toBe(BoardFull.reason);
    // The facilitator in the same room still gets in.
    expect(typeof (await fromOneMachine('facilitator', 11))).not.toBe('string');
  });

  it('behind a trusted proxy (TRUST_PROXY) the cap is per forwarded address', async () => {
    const { id, tokens } = await board(
      { maxConnectionsPerBoard: 200, maxConnectionsPerAddress: 2 },
      { trustProxy: true },
    );
    const from = (address: string) => attempt(() => connectFrom(server!.wsUrl, id, tokens.editor, address));
    expect(typeof (await from('10.0.0.1'))).not.toBe('string');
    expect(typeof (await from('10.0.0.1'))).not.toBe('string');
    expect(await from('10.0.0.1')).toBe(BoardFull.reason);
    expect(typeof (await from('10.0.0.2'))).not.toBe('string');
    // Only the entry the proxy appended counts: a client cannot prepend its way out.
    expect(await from('1.2.3.4, 10.0.0.1')).toBe(BoardFull.reason);
  });
});

describe('one person cannot fill a board', () => {
  let server: TestServer | undefined;
  const providers: HocuspocusProvider[] = [];
  afterEach(async () => {
    providers.splice(0).forEach((p) => p.destroy());
    await server?.close();
  });

  it('one credential holds at most MAX_CONNECTIONS_PER_PERSON connections to a board; other people still get in', async () => {
    server = await startTestServer({ limits: { maxConnectionsPerPerson: 3 } as never });
    const { id, tokens } = await createBoardWithLinks(server.url);
    const tries = [];
    for (let i = 0; i < 5; i++) {
      tries.push(
        await connectProvider(server.wsUrl, id, { token: tokens.viewer, as: 'one-person' }).then(
          (p) => (providers.push(p), 'connected'),
          (e: unknown) => (e as ConnectionRefused).reason,
        ),
      );
    }
    expect(tries).toEqual(['connected', 'connected', 'connected', BoardFull.reason, BoardFull.reason]);
    providers.push(await connectProvider(server.wsUrl, id, { token: tokens.viewer, as: 'someone-else' }));
    // A tab closed frees its place.
    providers.shift()!.destroy();
    await waitFor(
      async () =>
        await connectProvider(server!.wsUrl, id, { token: tokens.viewer, as: 'one-person' }).then(
          (p) => (providers.push(p), true),
          () => false,
        ),
      { what: 'a freed place' },
    );
  });
});
