import { MAX_SHARED_SELECTION, presenceSchema } from '../../shared/index.ts';
import type { Role } from '../../shared/protocol/roles.ts';

/** What the server knows of the connection a presence state came from. */
export interface PresenceStamp {
  /** The role of the share link the connection used; written over whatever the client said. */
  readonly role?: Role;
  /** The person the server proved at authentication, when it did; written over `user.id`. */
  readonly personId?: string;
  /** Whether that person signed in with a company account; written over `signedIn`. */
  readonly signedIn?: boolean;
}

export type PresenceVerdict =
  | { readonly ok: true; readonly bytes: number }
  | { readonly ok: false; readonly why: 'invalid' | 'too-large' };

/**
 * Makes a client's awareness state one the server may relay, in place (Hocuspocus re-encodes the
 * objects it handed to `beforeHandleAwareness`): the server's role and person id are stamped on
 * it, a selection past MAX_SHARED_SELECTION is trimmed, then the state must match the presence
 * schema and fit in `maxBytes` of JSON. Unknown fields are kept (tolerant readers), but they
 * count toward the size.
 */
export function admitPresenceState(state: unknown, stamp: PresenceStamp, maxBytes: number): PresenceVerdict {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return { ok: false, why: 'invalid' };
  const fields = state as Record<string, unknown>;
  if (stamp.role) fields.role = stamp.role;
  else delete fields.role;
  if (stamp.signedIn !== undefined) fields.signedIn = stamp.signedIn;
  else delete fields.signedIn;
  const user = fields.user;
  if (typeof stamp.personId === 'string' && user !== null && typeof user === 'object')
    (user as Record<string, unknown>).id = stamp.personId;
  if (Array.isArray(fields.selection) && fields.selection.length > MAX_SHARED_SELECTION)
    fields.selection = fields.selection.slice(0, MAX_SHARED_SELECTION);
  // Size before the schema: a huge state is refused without walking it twice.
  const bytes = Buffer.byteLength(JSON.stringify(state));
  if (bytes > maxBytes) return { ok: false, why: 'too-large' };
  if (!presenceSchema.safeParse(state).success) return { ok: false, why: 'invalid' };
  return { ok: true, bytes };
}

/**
 * What a presence state costs from its connection's TokenBucket: a kilobyte a token, so a cursor
 * move (a few hundred bytes) costs one, a state with a long selection more, and a connection's
 * share of everyone's downlink is bounded in bytes, not only in messages.
 */
export function presenceCost(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}
