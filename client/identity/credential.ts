import { issuedIdentitySchema, type IssuedIdentity } from '../../shared/index.ts';
import { requestIdentity } from '../api/identity.ts';

/**
 * This device's proof of who it is: a credential the server issued the first time the device
 * joined a board, kept here and sent with every connection. The server keeps only its hash. One
 * per device and server (the same person on every board), so it is stored per origin.
 */
const KEY = 'journeyboard.credential';

export function loadCredential(): IssuedIdentity | null {
  try {
    const parsed = issuedIdentitySchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps `issued` as this device's credential (replacing any other: the device is that person now). */
export function storeCredential(issued: IssuedIdentity): void {
  localStorage.setItem(KEY, JSON.stringify(issued));
}

/** Drops a credential the server no longer accepts (revoked, or the server's data was reset). */
export function forgetCredential(): void {
  localStorage.removeItem(KEY);
}

let issuing: Promise<IssuedIdentity> | null = null;

/** The stored credential, or a new one issued through `boardId`'s share link (once, however many callers). */
export function ensureCredential(boardId: string, token: string): Promise<IssuedIdentity> {
  const stored = loadCredential();
  if (stored) return Promise.resolve(stored);
  issuing ??= requestIdentity(boardId, token)
    .then((issued) => {
      storeCredential(issued);
      return issued;
    })
    .finally(() => (issuing = null));
  return issuing;
}
