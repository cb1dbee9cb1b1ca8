import { z } from 'zod';
import { departmentSchema, type Department } from '../schema/department.ts';

/**
 * Moving a person to another device without sign-in. A device that holds a credential asks for a
 * transfer code (`POST TRANSFERS_PATH`, the credential in `Authorization: Credential …`); the other
 * device redeems it once (`POST REDEEM_PATH`, the code in the body) and gets a credential of its
 * own for the same person. The code travels in a link's fragment (`/join-device#code=…`), which
 * browsers never send to a server, so it stays out of access logs.
 */
export const TRANSFERS_PATH = '/api/identity/transfers';
export const REDEEM_PATH = '/api/identity/transfers/redeem';
export const JOIN_DEVICE_PATH = '/join-device';

/** `jbt_` and 43 base64url characters: 256 random bits. */
const TRANSFER_CODE_PATTERN = /^jbt_[A-Za-z0-9_-]{43}$/;

export function isTransferCode(value: unknown): value is string {
  return typeof value === 'string' && TRANSFER_CODE_PATTERN.test(value);
}

/** The scheme a credential is sent under on the HTTP API; never a URL, which logs keep. */
export function credentialAuthorization(credential: string): string {
  return `Credential ${credential}`;
}

export const issuedTransferSchema = z.object({
  code: z.string().refine(isTransferCode, 'Not a transfer code'),
  /** Epoch ms by the server's clock; the code is refused from then on. */
  expiresAt: z.number().int(),
  /** The same, from now: a countdown on a device whose clock is off still ends on time. */
  expiresInMs: z.number().int().min(0),
});
export type IssuedTransfer = z.infer<typeof issuedTransferSchema>;

export const redeemTransferRequestSchema = z.object({ code: z.string().max(256) });

/**
 * What the link carries besides the code: the name and team the person chose, so the new device
 * shows them at once. Self-chosen and not secret; the server never sees them.
 */
export interface TransferLink {
  readonly code: string;
  readonly name: string | null;
  readonly department: Department | null;
}

export function transferLinkFragment(link: TransferLink): string {
  const params = new URLSearchParams({ code: link.code });
  if (link.name) params.set('name', link.name);
  if (link.department) params.set('team', link.department);
  return `#${params.toString()}`;
}

/** The link read back; null without a well-formed code. A bad name or team is dropped, not fatal. */
export function transferLinkFromFragment(hash: string): TransferLink | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const code = params.get('code');
  if (!isTransferCode(code)) return null;
  const name = params.get('name')?.trim().slice(0, 60) || null;
  const team = departmentSchema.safeParse(params.get('team'));
  return { code, name, department: team.success ? team.data : null };
}
