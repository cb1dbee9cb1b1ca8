import { isRole } from '../../shared/protocol/roles.ts';
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
