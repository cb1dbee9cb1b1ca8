import { z } from 'zod';
import { CSRF_HEADER, meSchema, myBoardsSchema, type Me, type MyBoard } from '../../shared/protocol/account.ts';
import { apiError, bearer, readJson } from './http.ts';

/** Who this browser is signed in as (company sign-in), and whether sign-in is on at all. */
export async function fetchMe(): Promise<Me> {
  return meSchema.parse(await readJson(await fetch('/api/me', { credentials: 'same-origin' })));
}

/** Boards the signed-in person joined, on any device. */
export async function fetchMyBoards(): Promise<MyBoard[]> {
  return myBoardsSchema.parse(await readJson(await fetch('/api/me/boards', { credentials: 'same-origin' }))).boards;
}

/** Ends this browser's sign-in session on the server (a server without sign-in has none to end). */
export async function endSession(): Promise<void> {
  const res = await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: '1' },
  });
  if (!res.ok && res.status !== 404) throw await apiError(res);
}

const ruleSchema = z.object({ membersDomain: z.string().nullable() });

/** The board's members-only domain (null: anyone with a link); undefined when sign-in is off on this server. */
export async function fetchSignInRule(boardId: string, token: string): Promise<string | null | undefined> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/sign-in-rule`, { headers: bearer(token) });
  if (res.status === 404) return undefined;
  return ruleSchema.parse(await readJson(res)).membersDomain;
}

/** Sets (a domain) or lifts (null) the rule; facilitators only. */
export async function saveSignInRule(
  boardId: string,
  token: string,
  membersDomain: string | null,
): Promise<string | null> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/sign-in-rule`, {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ membersDomain }),
  });
  return ruleSchema.parse(await readJson(res)).membersDomain;
}
