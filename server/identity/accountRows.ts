import { isRole, type Role } from '../../shared/protocol/roles.ts';
import type { Membership, StoredSession } from './AccountStore.ts';

export function toSession(r: Record<string, unknown>): StoredSession {
  return {
    idHash: new Uint8Array(r.id_hash as Uint8Array),
    personId: String(r.person_id),
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
  };
}

export function toMembership(r: Record<string, unknown>): Membership {
  const role = String(r.role);
  return {
    boardId: String(r.board_id),
    title: String(r.title),
    role: isRole(role) ? role : 'viewer',
    lastSeen: Number(r.last_seen),
  };
}

/** A stored role, or null for one this version does not know (never a guess that grants more). */
export function roleOrNull(value: unknown): Role | null {
  const role = String(value);
  return isRole(role) ? role : null;
}
