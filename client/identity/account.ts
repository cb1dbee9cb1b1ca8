import { z } from 'zod';
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
  const res = await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: '1' },
  });
  if (!res.ok && res.status !== 404) throw new Error(`The server answered ${res.status}`);
  forgetCredential();
}

const ruleSchema = z.object({ membersDomain: z.string().nullable() });

/** The board's members-only domain (null: anyone with a link); undefined when sign-in is off on this server. */
export async function fetchSignInRule(boardId: string, token: string): Promise<string | null | undefined> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/sign-in-rule`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`The server answered ${res.status}`);
  return ruleSchema.parse(await res.json()).membersDomain;
}

/** Sets (a domain) or lifts (null) the rule; facilitators only. */
export async function saveSignInRule(
  boardId: string,
  token: string,
  membersDomain: string | null,
): Promise<string | null> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/sign-in-rule`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ membersDomain }),
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error(
      (body as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${res.status}`,
    );
  return ruleSchema.parse(body).membersDomain;
}
