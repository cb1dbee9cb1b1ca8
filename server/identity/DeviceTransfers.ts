import { createHash, randomBytes } from 'node:crypto';
import type { IssuedIdentity } from '../../shared/protocol/identity.ts';
import { isTransferCode, type IssuedTransfer } from '../../shared/protocol/deviceTransfer.ts';
import { AttemptWindow } from './AttemptWindow.ts';
import { hashCredential, newCredential, type Identities } from './Identities.ts';
import type { IdentityRepository } from './IdentityRepository.ts';

export interface DeviceTransfersOptions {
  readonly store: IdentityRepository;
  readonly identities: Identities;
  /** How long a code works (default ten minutes). */
  readonly ttlMs?: number;
  /** Redemption attempts one client address may make per `attemptWindowMs`, right or wrong. */
  readonly maxRedeemAttempts: number;
  readonly attemptWindowMs?: number;
  readonly now?: () => number;
}

export type TransferIssueResult =
  | { readonly ok: true; readonly transfer: IssuedTransfer }
  | { readonly ok: false; readonly code: 'credential-required' };

export type TransferRedeemResult =
  | { readonly ok: true; readonly identity: IssuedIdentity }
  | {
      readonly ok: false;
      readonly code: 'transfer-not-found' | 'transfer-expired' | 'transfer-used';
      readonly retryAfterMs?: never;
    }
  | { readonly ok: false; readonly code: 'too-many-attempts'; readonly retryAfterMs: number };

const DEFAULT_TTL_MS = 10 * 60_000;
const DEFAULT_ATTEMPT_WINDOW_MS = 10 * 60_000;
// Expired codes are kept this long, so a late click hears "expired" rather than "unknown".
const KEEP_EXPIRED_MS = 24 * 60 * 60_000;

/**
 * "Use this identity on another device": a proven person gets a one-time code; whoever redeems it
 * first, within the ttl, gets a new credential for that person (one per device, so one device can
 * be revoked later without the others). Only the code's sha256 is stored, like credentials.
 */
export class DeviceTransfers {
  private readonly store: IdentityRepository;
  private readonly identities: Identities;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly attempts: AttemptWindow;

  constructor(options: DeviceTransfersOptions) {
    this.store = options.store;
    this.identities = options.identities;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.now = options.now ?? Date.now;
    this.attempts = new AttemptWindow({
      max: options.maxRedeemAttempts,
      windowMs: options.attemptWindowMs ?? DEFAULT_ATTEMPT_WINDOW_MS,
      now: this.now,
    });
  }

  /** A new code for the person `credential` proves; their earlier unredeemed code stops working. */
  async issue(credential: string | null): Promise<TransferIssueResult> {
    const person = await this.identities.verify(credential);
    if (!person) return { ok: false, code: 'credential-required' };
    const now = this.now();
    const code = `jbt_${randomBytes(32).toString('base64url')}`;
    const expiresAt = now + this.ttlMs;
    await this.store.pruneTransfers(now - KEEP_EXPIRED_MS);
    await this.store.addTransfer({ codeHash: hashCode(code), personId: person.id, createdAt: now, expiresAt });
    return { ok: true, transfer: { code, expiresAt, expiresInMs: this.ttlMs } };
  }

  /** Redeems `code` for a device at `address`; the device's own credential for the code's person. */
  async redeem(code: unknown, address: string): Promise<TransferRedeemResult> {
    if (!this.attempts.take(address))
      return { ok: false, code: 'too-many-attempts', retryAfterMs: this.attempts.retryAfterMs(address) };
    if (!isTransferCode(code)) return { ok: false, code: 'transfer-not-found' };
    const now = this.now();
    const credential = newCredential();
    const outcome = await this.store.redeemTransfer(hashCode(code), now, {
      credentialHash: hashCredential(credential),
      createdAt: now,
    });
    if (outcome.kind === 'redeemed') return { ok: true, identity: { personId: outcome.personId, credential } };
    return {
      ok: false,
      code:
        outcome.kind === 'expired'
          ? 'transfer-expired'
          : outcome.kind === 'used'
            ? 'transfer-used'
            : 'transfer-not-found',
    };
  }
}

function hashCode(code: string): Buffer {
  return createHash('sha256').update(code, 'utf8').digest();
}
