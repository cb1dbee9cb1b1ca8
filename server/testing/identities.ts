import {
  CREDENTIAL_HEADER,
  encodeConnectionToken,
  identitiesPath,
  issuedIdentitySchema,
  type IssuedIdentity,
} from '../../shared/protocol/identity.ts';

/** The server's HTTP base (`http://127.0.0.1:port`) from its provider URL (`ws://…/collab`). */
export function httpBaseOf(wsUrl: string): string {
  const url = new URL(wsUrl);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
}

/**
 * fetch, sent again once if the connection was reset before any answer. A request written on a
 * kept-alive socket just as the server closes it for idleness (Node's 5 s; the test and the
 * server share one event loop, which a long synchronous step can hold past both timers) is
 * reset; browsers send such a request again, undici's fetch does not.
 */
async function fetchRetryingReset(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: unknown } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

/** Asks the server for a new identity as a client does (any share token of the board); null if refused. */
export async function issueIdentity(wsUrl: string, boardId: string, token: string): Promise<IssuedIdentity | null> {
  const response = await fetchRetryingReset(`${httpBaseOf(wsUrl)}${identitiesPath(boardId)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 201) return null;
  return issuedIdentitySchema.parse(await response.json());
}

/**
 * Identities by a test's own name for a person ("ann") on a board: connecting twice as "ann" is the
 * same person on two devices (or after a restart, or through another instance on the same
 * database), as a real one would be after the first visit.
 */
const named = new Map<string, Promise<IssuedIdentity | null>>();

export function identityNamed(
  wsUrl: string,
  boardId: string,
  token: string,
  name: string,
): Promise<IssuedIdentity | null> {
  const key = `${boardId} ${name}`;
  let found = named.get(key);
  if (!found) {
    found = issueIdentity(wsUrl, boardId, token).then((issued) => {
      if (!issued) named.delete(key);
      return issued;
    });
    named.set(key, found);
  }
  return found;
}

/** What a raw client puts in its auth frame: the share token with a new person's credential. */
export async function connectionTokenFor(wsUrl: string, boardId: string, token: string): Promise<string> {
  const issued = await issueIdentity(wsUrl, boardId, token);
  return encodeConnectionToken({ link: token, credential: issued?.credential ?? null });
}

/**
 * Headers for a board call (`GET /api/boards/:id/…`) as a person who came in through `token`:
 * the link and that person's credential, issued once per board and link. A token the server
 * refuses gets no credential, so the call is refused for the link, as it would be.
 */
export async function boardCallHeaders(base: string, boardId: string, token: string): Promise<Record<string, string>> {
  const issued = await identityNamed(base, boardId, token, `http caller ${token}`);
  return {
    Authorization: `Bearer ${token}`,
    ...(issued ? { [CREDENTIAL_HEADER]: issued.credential } : {}),
  };
}

/** fetch, as a person who came in through `token` on the board the URL names (see boardCallHeaders). */
export async function fetchAsPerson(url: string, token: string, init: RequestInit = {}): Promise<Response> {
  const boardId = /^\/api\/boards\/([^/]+)/.exec(new URL(url).pathname)?.[1];
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(
    boardId ? await boardCallHeaders(url, decodeURIComponent(boardId), token) : { Authorization: `Bearer ${token}` },
  ))
    headers.set(name, value);
  return fetchRetryingReset(url, { ...init, headers });
}
