import type { Role } from '../../shared/protocol/roles.ts';

/**
 * People the server has issued a credential to (shared/protocol/identity.ts). Only the credential's
 * sha256 is kept; a lost database does not hand anyone's identity to a reader of it. A person is not
 * tied to one board: the same device is the same person on every board of this server, which is
 * what "use this identity on another device" and company sign-in build on. Stored by
 * IdentityRepository.ts (and BoardPeopleStore by server/people/BoardPeopleRepository.ts).
 */
export interface IdentityStore {
  /** Stores a new person; fails if the id or the credential hash is taken. */
  addPerson(person: NewPerson): Promise<void>;
  /** Another credential for an existing person (a signed-in person's device); fails if the hash is taken. */
  addCredential(personId: string, credentialHash: Uint8Array, at: number): Promise<void>;
  /**
   * The person whose credential hashes to `credentialHash` (the first one, or one added for another
   * device), revoked or not; null if none. A device's credential counts as revoked with its person.
   */
  personByCredential(credentialHash: Uint8Array): Promise<StoredPerson | null>;
  /** How many people were issued through `boardId`'s `role` link since `since` (epoch ms). */
  countIssuedSince(boardId: string, role: Role, since: number): Promise<number>;
  /** Marks the person revoked (their credential stops working); false if unknown or already revoked. */
  revokePerson(personId: string, at: number): Promise<boolean>;
  /** Stores a transfer code's hash; the person's earlier codes not yet redeemed stop working. */
  addTransfer(transfer: NewTransfer): Promise<void>;
  /**
   * Redeems a code at once or not at all: when it is known, unexpired and unused at `now`, marks it
   * used and stores `device` as another credential of its person, in one step (two devices racing
   * with one code: one wins). Otherwise says why not, and stores nothing.
   */
  redeemTransfer(codeHash: Uint8Array, now: number, device: NewDeviceCredential): Promise<RedeemOutcome>;
  /** Forgets transfer codes that expired before `before` (kept a while to tell "expired" from "unknown"). */
  pruneTransfers(before: number): Promise<void>;
}

/** Per board: who was removed, whether admission is on, who was let in, who waits in the lobby. */
export interface BoardPeopleStore {
  /** Records that a facilitator removed the person from the board; idempotent. */
  removeFromBoard(boardId: string, personId: string, at: number, byPersonId: string): Promise<void>;
  isRemovedFromBoard(boardId: string, personId: string): Promise<boolean>;
  /** Turns admission on (newcomers wait in the lobby) or off for a board. */
  setAdmission(boardId: string, on: boolean, at: number): Promise<void>;
  admissionOn(boardId: string): Promise<boolean>;
  /** Lets the person in (and takes them out of the lobby); idempotent. */
  admit(boardId: string, personIds: readonly string[], at: number): Promise<void>;
  isAdmitted(boardId: string, personId: string): Promise<boolean>;
  /** The person asks to come in, under the name they chose; a second knock updates it. */
  knock(boardId: string, personId: string, name: string, at: number): Promise<void>;
  /** Who is waiting, oldest first (not those turned away). */
  lobby(boardId: string): Promise<readonly LobbyEntry[]>;
  /** Turns the person away: they keep waiting, unlisted, until a facilitator admits them; false if they were not listed. */
  leaveLobby(boardId: string, personId: string): Promise<boolean>;
}

export interface LobbyEntry {
  readonly personId: string;
  readonly name: string;
  readonly since: number;
}

export interface NewTransfer {
  /** sha256 of the code, 32 bytes. */
  readonly codeHash: Uint8Array;
  readonly personId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** Another device's credential for an existing person. */
export interface NewDeviceCredential {
  /** sha256 of the credential, 32 bytes. */
  readonly credentialHash: Uint8Array;
  readonly createdAt: number;
}

export type RedeemOutcome =
  | { readonly kind: 'redeemed'; readonly personId: string }
  | { readonly kind: 'unknown' | 'expired' | 'used' };

/** Why a code that did not redeem was refused, from its row (null: no such code). */
export function refusalOf(row: Readonly<Record<string, unknown>> | null | undefined, now: number): RedeemOutcome {
  if (!row) return { kind: 'unknown' };
  if (row.redeemed_at !== null && row.redeemed_at !== undefined) return { kind: 'used' };
  return Number(row.expires_at) <= now ? { kind: 'expired' } : { kind: 'unknown' };
}

export interface NewPerson {
  readonly id: string;
  /** sha256 of the credential, 32 bytes. */
  readonly credentialHash: Uint8Array;
  readonly createdAt: number;
  /** The board and link role the identity was issued through (for the per-link rate limit). */
  readonly issuedBoardId: string;
  readonly issuedRole: Role;
}

export interface StoredPerson extends NewPerson {
  readonly revokedAt: number | null;
  /** A person made by company sign-in (issuer and subject known), not a guest by link. */
  readonly signedIn: boolean;
}
