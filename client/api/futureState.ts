import {
  futureStateResponseSchema,
  stateComparisonSchema,
  type FutureStateResponse,
  type StateComparison,
} from '../../shared/index.ts';
import { bearer, readJson } from './http.ts';

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** The current/future pair this board belongs to (`link: null` for none). */
export async function fetchFutureState(boardId: string, token: string | null): Promise<FutureStateResponse> {
  const res = await fetch(`${base(boardId)}/future-state`, { headers: bearer(token) });
  return futureStateResponseSchema.parse(await readJson(res));
}

/** A facilitator or an editor makes the future-state board (or gets the one the board has). */
export async function makeFutureState(boardId: string, token: string | null): Promise<FutureStateResponse> {
  const res = await fetch(`${base(boardId)}/future-state`, { method: 'POST', headers: bearer(token) });
  return futureStateResponseSchema.parse(await readJson(res));
}

/** The compare view's data, from either board of the pair. */
export async function fetchComparison(boardId: string, token: string | null): Promise<StateComparison> {
  const res = await fetch(`${base(boardId)}/compare`, { headers: bearer(token) });
  return stateComparisonSchema.parse(await readJson(res));
}

export function comparisonMarkdownPath(boardId: string): string {
  return `${base(boardId)}/compare.md`;
}
