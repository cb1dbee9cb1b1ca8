import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, ROLE_RANK, type Role } from '../../shared/protocol/roles.ts';
import type { ShareLinkRow } from '../storage/BoardStore.ts';

export type { ShareLinkRow };

/**
 * Share tokens: one secret link per role, stored only as hashes, yet the Share dialog can show
 * every link a role may hand out. How both hold:
 *
 * - A board gets a random 256-bit facilitator-level secret at creation. Lower levels are derived
 *   one way down the chain (editor = HMAC(facilitator, …), commenter = HMAC(editor, …), viewer =
 *   HMAC(commenter, …)): knowing a level gives the levels below it, never the ones above.
 * - A role's token is HMAC(level secret, role + generation), cut to 192 bits; rotating a link bumps
 *   its generation, so the old token stops matching and the new one is unrelated to it.
 * - Storage holds, per role: sha256(token) to recognise it (compared in constant time), and the
 *   role's level secret sealed under the token (XOR with HMAC(token, "seal")). Only someone who
 *   presents the token can unseal that secret and so compute the links of its role and below.
 *   A leaked database therefore yields no usable token.
 * - Secrets and tokens are never logged.
 */

export const TOKEN_BYTES = 24; // 192 bits (≥ 128 required), 32 base64url characters
const SECRET_BYTES = 32;

export function newBoardSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

function hmac(key: Uint8Array | string, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

/** The level secret of `target`, derived from the level secret of `from` (rank(from) ≥ rank(target)). */
export function levelSecret(fromRole: Role, fromSecret: Uint8Array, target: Role): Buffer {
  if (ROLE_RANK[target] > ROLE_RANK[fromRole])
    throw new Error(`A ${fromRole} secret cannot derive the ${target} level`);
  let secret: Buffer = Buffer.from(fromSecret);
  for (let rank = ROLE_RANK[fromRole] - 1; rank >= ROLE_RANK[target]; rank--) {
    secret = hmac(secret, `journeyboard-level:${roleOfRank(rank)}`);
  }
  return secret;
}

function roleOfRank(rank: number): Role {
  return ROLES.find((r) => ROLE_RANK[r] === rank)!;
}

export function tokenFor(role: Role, secret: Uint8Array, generation: number): string {
  return hmac(secret, `journeyboard-token:${role}:${generation}`).subarray(0, TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function pad(token: string): Buffer {
  return hmac(token, 'journeyboard-seal');
}

function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** The stored row for `role` at `generation`, and its token (to hand out once). */
export function makeRow(role: Role, secret: Uint8Array, generation: number): { row: ShareLinkRow; token: string } {
  const token = tokenFor(role, secret, generation);
  return { token, row: { role, generation, tokenHash: hashToken(token), sealed: xor(secret, pad(token)) } };
}

/**
 * The row `token` opens, or null. Every row is compared, in constant time, whatever matches, so
 * the answer time does not tell which role (if any) came close.
 */
export function matchToken(rows: readonly ShareLinkRow[], token: string): ShareLinkRow | null {
  if (token.length === 0 || token.length > 256) return null;
  const hash = hashToken(token);
  let found: ShareLinkRow | null = null;
  for (const row of rows) {
    if (row.tokenHash.length === hash.length && timingSafeEqual(row.tokenHash, hash)) found = row;
  }
  return found;
}

/** The level secret sealed in `row`; only correct when `token` is the row's token. */
export function unseal(row: ShareLinkRow, token: string): Buffer {
  return xor(row.sealed, pad(token));
}
