import type { IssuedIdentity } from '../../shared/index.ts';
import {
  clearCredential,
  credentialThrough,
  IdentityRefused,
  syncCredentialCookie,
  writeCredential,
} from '../boot/deviceCredential.ts';
import { LinkRefused } from '../api/identity.ts';

/**
 * This device's proof of who it is: a credential the server issued the first time the device
 * joined a board, kept on the device and sent with every connection and HTTP call. The server
 * keeps only its hash.
 */
export function loadCredential(): IssuedIdentity | null {
  return syncCredentialCookie();
}

/** Keeps `issued` as this device's credential (replacing any other: the device is that person now). */
export function storeCredential(issued: IssuedIdentity): void {
  writeCredential(issued);
}

/** Drops a credential the server no longer accepts (revoked, or the server's data was reset). */
export function forgetCredential(): void {
  clearCredential();
}

/** The stored credential, or a new one issued through `boardId`'s share link (once, however many callers). */
export function ensureCredential(boardId: string, token: string): Promise<IssuedIdentity> {
  return credentialThrough(boardId, token).catch((error: unknown) => {
    if (error instanceof IdentityRefused && error.status === 401) throw new LinkRefused('unauthorized');
    if (error instanceof IdentityRefused && error.status === 404) throw new LinkRefused('board-not-found');
    throw error;
  });
}
