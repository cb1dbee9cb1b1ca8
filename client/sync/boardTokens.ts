import { z } from 'zod';
import { tokenFromFragment } from '../../shared/protocol/roles.ts';
import { BOARD_TOKENS_KEY } from '../boot/prefetchBoard.ts';

/**
 * Share tokens, one per board, kept on this device so that reopening a board from "recent
 * boards" works without the link. The link carries the token in its fragment (`#token=…`),
 * which the browser never sends to a server; once read, it is removed from the address bar so
 * it does not end up in a screenshot or a screen share.
 */
const stored = z.record(z.string(), z.string());

function load(): Record<string, string> {
  try {
    const parsed = stored.safeParse(JSON.parse(localStorage.getItem(BOARD_TOKENS_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Every board's token kept on this device, by board id. */
export function storedBoardTokens(): Record<string, string> {
  return load();
}

export function saveBoardToken(boardId: string, token: string): void {
  localStorage.setItem(BOARD_TOKENS_KEY, JSON.stringify({ ...load(), [boardId]: token }));
}

export function storedBoardToken(boardId: string): string | null {
  return load()[boardId] ?? null;
}

/** The token of the link just opened (and now stored), or the one stored earlier, or null. */
export function takeBoardToken(boardId: string, location: Location = window.location): string | null {
  const fromLink = tokenFromFragment(location.hash);
  if (fromLink) {
    saveBoardToken(boardId, fromLink);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromLink;
  }
  return storedBoardToken(boardId);
}
