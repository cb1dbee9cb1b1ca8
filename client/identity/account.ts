import { CSRF_HEADER, meSchema, myBoardsSchema, type Me, type MyBoard } from '../../shared/protocol/account.ts';
import { forgetCredential } from './credential.ts';

/** Who this browser is signed in as (company sign-in), and whether sign-in is on at all. */
export async function fetchMe(): Promise<Me> {
  const res = await fetch('/api/me', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`The server answered ${res.status}`);
  return meSchema.parse(await res.json());
}

/** Boards the signed-in person joined, on any device. */
export async function fetchMyBoards(): Promise<MyBoard[]> {
  const res = await fetch('/api/me/boards', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`The server answered ${res.status}`);
  return myBoardsSchema.parse(await res.json()).boards;
}

/**
 * The provider's sign-in page, coming back to `returnTo` (a path on this server). Never the
 * fragment: it holds the share token, which must not reach a server or a log.
 */
export function signInHref(returnTo = window.location.pathname): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Ends the session on the server, and forgets this device's credential: it was issued to the
 * signed-in person, and on a shared computer the next user must not act as them.
 */
export async function signOut(): Promise<void> {
  const res = await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { [CSRF_HEADER]: '1' } });
  if (!res.ok && res.status !== 404) throw new Error(`The server answered ${res.status}`);
  forgetCredential();
}
