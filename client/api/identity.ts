import {
  credentialAuthorization,
  issuedIdentitySchema,
  issuedTransferSchema,
  REDEEM_PATH,
  TRANSFERS_PATH,
  type IssuedIdentity,
  type IssuedTransfer,
} from '../../shared/index.ts';
import { apiError, readJson } from './http.ts';

/** The link was refused (`unauthorized`) or names no board (`board-not-found`): what the board page says for either. */
export class LinkRefused extends Error {
  readonly reason: 'unauthorized' | 'board-not-found';
  constructor(reason: 'unauthorized' | 'board-not-found') {
    super(reason);
    this.reason = reason;
  }
}

/** A one-time code that moves this person to another device (the credential proves who asks). */
export async function requestTransfer(credential: string): Promise<IssuedTransfer> {
  const res = await fetch(TRANSFERS_PATH, {
    method: 'POST',
    headers: { authorization: credentialAuthorization(credential) },
  });
  return issuedTransferSchema.parse(await readJson(res));
}

/** Why a transfer code was refused, as the server says it (`transfer-expired`, `transfer-used`, …). */
export class TransferRefused extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** This device's own credential for the person who made `code`; TransferRefused if it no longer works. */
export async function redeemTransfer(code: string): Promise<IssuedIdentity> {
  const res = await fetch(REDEEM_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!res.ok) {
    const error = await apiError(res);
    throw new TransferRefused(error.code ?? 'unknown', error.message);
  }
  return issuedIdentitySchema.parse(await res.json());
}
