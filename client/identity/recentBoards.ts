import { z } from 'zod';

/** Boards opened on this device, newest first. */
export interface RecentBoard {
  readonly id: string;
  readonly title: string;
  readonly openedAt: number;
}

const KEY = 'journeyboard.recentBoards';
const MAX = 30;
const listSchema = z.array(z.object({ id: z.string(), title: z.string(), openedAt: z.number() }));

export function loadRecentBoards(): RecentBoard[] {
  try {
    const parsed = listSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '[]'));
    return parsed.success ? parsed.data.sort((a, b) => b.openedAt - a.openedAt) : [];
  } catch {
    return [];
  }
}

export function rememberBoard(id: string, title: string, now = Date.now()): void {
  const rest = loadRecentBoards().filter((b) => b.id !== id);
  localStorage.setItem(KEY, JSON.stringify([{ id, title, openedAt: now }, ...rest].slice(0, MAX)));
}

export function forgetBoard(id: string): void {
  localStorage.setItem(KEY, JSON.stringify(loadRecentBoards().filter((b) => b.id !== id)));
}
