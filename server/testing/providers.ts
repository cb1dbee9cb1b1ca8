import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { encodeConnectionToken } from '../../shared/protocol/identity.ts';
import { identityNamed, issueIdentity } from './identities.ts';

/** Polls `check` until it returns something truthy; never a fixed sleep (2 noisy cores). */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  {
    timeoutMs = 10_000,
    intervalMs = 15,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A provider the server refused: `reason` is what onAuthenticationFailed received. */
export class ConnectionRefused extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`The server refused the connection: ${reason}`);
    this.name = 'ConnectionRefused';
    this.reason = reason;
  }
}

/**
 * Share tokens of the boards tests created (createBoardOverHttp remembers the facilitator's), so
 * that a test about something else can connect without handling links. Tests about roles pass
 * `token` explicitly.
 */
const knownTokens = new Map<string, string>();

export function rememberToken(boardId: string, token: string): void {
  knownTokens.set(boardId, token);
}

/**
 * A real HocuspocusProvider on `boardId`, resolved once it has synced with the server. Rejects
 * with ConnectionRefused (and destroys the provider) if the server refuses it. `token` defaults
 * to the remembered facilitator token of the board (the part of the name before any `/`).
 *
 * Who it is, as a client proves it: `credential` when given (null sends none); else the identity
 * the test calls `as` ("ann": the same person each time on this server); else a new person,
 * issued through the token like a first visit. A refused issue connects without a credential.
 */
export async function connectProvider(
  wsUrl: string,
  boardId: string,
  {
    document = new Y.Doc(),
    timeoutMs = 10_000,
    token,
    credential,
    as,
    name,
    onStateless,
    cookie,
  }: {
    document?: Y.Doc;
    timeoutMs?: number;
    token?: string;
    credential?: string | null;
    as?: string;
    name?: string;
    onStateless?: (payload: string) => void;
    cookie?: string;
  } = {},
): Promise<HocuspocusProvider> {
  const link = token ?? knownTokens.get(boardId.split('/')[0]!) ?? '';
  const root = boardId.split('/')[0]!;
  const proof =
    credential !== undefined
      ? credential
      : ((as ? await identityNamed(wsUrl, root, link, as) : await issueIdentity(wsUrl, root, link))?.credential ??
        null);
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      url: wsUrl,
      name: boardId,
      document,
      token: encodeConnectionToken({ link, credential: proof, ...(name ? { name } : {}) }),
      // A browser sends its cookies (a sign-in session) with the upgrade; Node's WebSocket takes them as a header.
      ...(cookie ? { WebSocketPolyfill: webSocketWithCookie(cookie) } : {}),
      // From the start: the server may send stateless messages before the first sync.
      ...(onStateless ? { onStateless: ({ payload }: { payload: string }) => onStateless(payload) } : {}),
    });
    const fail = (error: Error) => {
      clearTimeout(timer);
      provider.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`Provider for ${boardId} did not sync within ${timeoutMs} ms`)),
      timeoutMs,
    );
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve(provider);
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => fail(new ConnectionRefused(reason)));
  });
}

function webSocketWithCookie(cookie: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      // Node's (undici's) WebSocket accepts headers in its init object.
      super(url, { protocols, headers: { cookie } } as unknown as string[]);
    }
  };
}

/** The reason the server gives for refusing `boardId`; rejects if it lets the provider in. */
export async function refusalReason(wsUrl: string, boardId: string, token?: string): Promise<string> {
  try {
    const provider = await connectProvider(wsUrl, boardId, { token });
    provider.destroy();
  } catch (error) {
    if (error instanceof ConnectionRefused) return error.reason;
    throw error;
  }
  throw new Error(`The server accepted a connection to ${boardId}`);
}

/** Resolves once the server has acknowledged every change this provider sent. */
export async function waitForAck(provider: HocuspocusProvider): Promise<void> {
  await waitFor(() => !provider.hasUnsyncedChanges, { what: 'the server to acknowledge the changes' });
}

let fenceSeq = 0;

/**
 * Resolves once `watcher` has seen an awareness change that `sender` made after its earlier
 * messages. Hocuspocus handles one connection's messages in order, so everything `sender` sent
 * before has been handled (applied or dropped) by then: a wait on a condition, not a sleep.
 */
export async function awarenessFence(sender: HocuspocusProvider, watcher: HocuspocusProvider): Promise<void> {
  const n = ++fenceSeq;
  // The server relays only states that are valid presence (PresenceGuard).
  sender.awareness!.setLocalState({
    user: { id: 'fence', name: 'Fence', colour: '#0d74ce', department: 'other' },
    fence: n,
  });
  await waitFor(() => watcher.awareness!.getStates().get(sender.document.clientID)?.fence === n, {
    what: 'the awareness fence',
  });
}
