import { z } from 'zod';
import { ROLES } from '../protocol/roles.ts';
import { viewRectSchema } from '../protocol/workshop.ts';
import { departmentSchema } from '../schema/department.ts';

/**
 * What each person shares through awareness. Read with `readPresence`, which drops states that
 * don't match: awareness is written by every client and trusted by none.
 */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(60),
    colour: z.string().regex(/^#[0-9a-f]{6}$/i),
    department: departmentSchema,
  }),
  /** Pointer in board coordinates, or null when outside the canvas. */
  cursor: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().default(null),
  selection: z.array(z.string().max(64)).max(5000).default([]),
  editing: z.string().max(64).nullable().default(null),
  // ---- live workshops (issue 4) ----
  /** The board area I am looking at (board coordinates), for follow-me; null before the first fit. */
  view: viewRectSchema.nullable().catch(null).default(null),
  /** The awareness client id of the person whose view I follow, or null. */
  following: z.number().int().nonnegative().nullable().catch(null).default(null),
  /** My tab is hidden or I have been idle a while. */
  away: z.boolean().catch(false).default(false),
  /**
   * The role the SERVER gave my connection (server/extensions/PresenceGuard.ts overwrites what a
   * client writes); absent in my own local state.
   */
  role: z.enum(ROLES).optional().catch(undefined),
  /** Set by the SERVER: the person signed in with their company account (true) or is a guest by link (false). */
  signedIn: z.boolean().optional().catch(undefined),
});

/**
 * Most selected ids a client shares: peers draw a dashed outline per id, and a whole-board
 * selection would make every cursor move carry kilobytes. The server trims past it.
 */
export const MAX_SHARED_SELECTION = 200;

export type Presence = z.infer<typeof presenceSchema>;
export type PresenceInput = z.input<typeof presenceSchema>;

export interface Peer extends Presence {
  readonly clientId: number;
}

export function readPresence(clientId: number, state: unknown): Peer | null {
  const parsed = presenceSchema.safeParse(state);
  return parsed.success ? { clientId, ...parsed.data } : null;
}

/**
 * People's colours: ten hues far apart (every pair at least ΔE 38 in CIELAB, where the old ten had
 * two pinks 7 apart) and dark enough for white initials (contrast ≥ 4.5:1). Issue 22, item 14.
 * Who gets which on a board: peopleColours.ts; this hash is only the fallback.
 */
export const PEOPLE_COLOURS = [
  '#c01b1b',
  '#186faa',
  '#127d12',
  '#d60597',
  '#936d15',
  '#47127d',
  '#206f5f',
  '#6f2038',
  '#0505d6',
  '#c105d6',
] as const;

/** A colour from the id alone (the same everywhere, but two people may share one). */
export function colourForUser(userId: string): string {
  return PEOPLE_COLOURS[userHash(userId) % PEOPLE_COLOURS.length]!;
}

export function userHash(userId: string): number {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return h;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]!][0] ?? '';
  const last = parts.length > 1 ? ([...parts.at(-1)!][0] ?? '') : '';
  return (first + last).toUpperCase();
}
