/**
 * This device's credential as stored (localStorage) and as sent with HTTP calls (a cookie). Small
 * and import-free apart from shapes, because the page's first script (prefetchBoard.ts) needs it to
 * download the board before the app has loaded; identity/credential.ts builds on it.
 */
import { CREDENTIAL_COOKIE, identitiesPath, isCredential, isPersonId } from '../../shared/protocol/credentials.ts';

export interface StoredCredential {
  readonly personId: string;
  readonly credential: string;
}

/** One per device and server (the same person on every board), so it is stored per origin. */
const KEY = 'journeyboard.credential';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

export function readCredential(storage: Storage = localStorage): StoredCredential | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    const { personId, credential } = (parsed ?? {}) as Partial<StoredCredential>;
    return isPersonId(personId) && isCredential(credential) ? { personId, credential } : null;
  } catch {
    return null;
  }
}

export function writeCredential(issued: StoredCredential, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify({ personId: issued.personId, credential: issued.credential }));
  setCookie(issued.credential, ONE_YEAR_S);
}

export function clearCredential(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
  setCookie('', 0);
}

/**
 * Makes every same-origin request carry the stored credential (exports, history, downloads by
 * link): the server binds each board call to a proven person. A device that stored its credential
 * before the cookie existed gets it on its next page load.
 */
export function syncCredentialCookie(storage: Storage = localStorage): StoredCredential | null {
  const stored = readCredential(storage);
  if (stored && !document.cookie.split('; ').includes(`${CREDENTIAL_COOKIE}=${stored.credential}`))
    setCookie(stored.credential, ONE_YEAR_S);
  return stored;
}

/** The server turned down a request for an identity: `status` 401 (link refused), 404 (no such board), 429… */
export class IdentityRefused extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

let issuing: Promise<StoredCredential> | null = null;

/**
 * The stored credential, or one issued through `boardId`'s share link and stored: once per page,
 * however many callers ask (the boot download and the app may both). Rejects with IdentityRefused
 * when the server says no, with a TypeError when it cannot be reached.
 */
export function credentialThrough(
  boardId: string,
  token: string,
  storage: Storage = localStorage,
): Promise<StoredCredential> {
  const stored = readCredential(storage);
  if (stored) return Promise.resolve(stored);
  issuing ??= issue(boardId, token)
    .then((issued) => {
      writeCredential(issued, storage);
      return issued;
    })
    .finally(() => (issuing = null));
  return issuing;
}

async function issue(boardId: string, token: string): Promise<StoredCredential> {
  // No link: a signed-in member coming back from My boards (the session cookie says who).
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await fetch(identitiesPath(boardId), { method: 'POST', headers });
  const body = (await res.json().catch(() => null)) as
    | (Partial<StoredCredential> & { error?: { message?: unknown } })
    | null;
  if (res.status === 201 && isPersonId(body?.personId) && isCredential(body?.credential))
    return { personId: body.personId, credential: body.credential };
  const message = typeof body?.error?.message === 'string' ? body.error.message : `The server answered ${res.status}`;
  throw new IdentityRefused(res.status, message);
}

function setCookie(value: string, maxAgeSeconds: number): void {
  if (typeof document === 'undefined') return;
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // Strict: a foreign page's links and forms never carry it.
  document.cookie = `${CREDENTIAL_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Strict${secure}`;
}
