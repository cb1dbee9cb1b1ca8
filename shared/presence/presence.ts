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
  // ---- live workshops ----
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

/** Stable, readable colours for people; picked from the user id so it never changes. */
const PEOPLE_COLOURS = [
  '#e5484d',
  '#0d74ce',
  '#2f9e44',
  '#d6409f',
  '#f76b15',
  '#6e56cf',
  '#12a594',
  '#ab6400',
  '#3e63dd',
  '#c2298a',
];

export function colourForUser(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PEOPLE_COLOURS[h % PEOPLE_COLOURS.length]!;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]!][0] ?? '';
  const last = parts.length > 1 ? ([...parts.at(-1)!][0] ?? '') : '';
  return (first + last).toUpperCase();
}
