import type { Role } from '../../shared/protocol/roles.ts';

export interface CapacityLimits {
  /** Connections to one board document (MAX_CONNECTIONS_PER_BOARD). */
  readonly maxConnections: number;
  /** Of those, kept for editors and facilitators: viewers and commenters together use at most the rest. */
  readonly reserved: number;
  /** Connections to one board document from one client address (MAX_CONNECTIONS_PER_ADDRESS). */
  readonly maxPerAddress: number;
  /** Facilitator connections admitted whatever else is connected. */
  readonly facilitatorSlots: number;
}

/** Who is on a board document now (established connections plus admissions not yet established). */
export interface Occupancy {
  readonly total: number;
  readonly byRole: Readonly<Partial<Record<Role, number>>>;
  /** Connections from the address of the one asking. */
  readonly fromAddress: number;
}

export type Admission = 'admit' | 'need-role' | 'full' | 'address-full';

/**
 * Whether one more connection may join a board document. A crowd on one link, or from one
 * address, cannot lock out the people running the workshop:
 * - facilitators always get in, on slots of their own (not counted against the board, nor the
 *   address, so a room behind one NAT cannot shut its facilitator out);
 * - editors get in while the board has room;
 * - viewers and commenters share what is left after `reserved` slots for editors and facilitators;
 * - nobody but a facilitator gets in past `maxPerAddress` from one address.
 * Without the role (`null`) it answers `need-role` unless any role would be admitted, so the
 * caller looks the role up only when a board is nearly full.
 */
export function admission(role: Role | null, now: Occupancy, limits: CapacityLimits): Admission {
  const reserved = Math.min(limits.reserved, limits.maxConnections - 1);
  const lowerLimit = limits.maxConnections - reserved;
  if (role === null) {
    return now.total < lowerLimit && now.fromAddress < limits.maxPerAddress ? 'admit' : 'need-role';
  }
  if (role === 'facilitator') return (now.byRole.facilitator ?? 0) < limits.facilitatorSlots ? 'admit' : 'full';
  if (now.fromAddress >= limits.maxPerAddress) return 'address-full';
  // Facilitators sit on their own slots: the board's room is what everyone else uses.
  const others = now.total - Math.min(now.byRole.facilitator ?? 0, limits.facilitatorSlots);
  if (others >= limits.maxConnections) return 'full';
  if (role === 'editor') return 'admit';
  const lower = (now.byRole.viewer ?? 0) + (now.byRole.commenter ?? 0);
  return lower < lowerLimit ? 'admit' : 'full';
}
