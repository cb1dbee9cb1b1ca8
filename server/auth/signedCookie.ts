import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `payload.signature`, both base64url: a value the browser keeps but cannot alter. The key is
 * derived from a secret every instance shares, so any instance can read what another wrote.
 */
export function signValue(key: Buffer, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The value `signValue` signed, or null when the signature does not match or the text is not ours. */
export function verifySignedValue(key: Buffer, signed: string | null | undefined): unknown {
  if (!signed) return null;
  const dot = signed.indexOf('.');
  if (dot < 0) return null;
  const payload = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(key, payload), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(purpose, 'utf8').digest();
}

function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload, 'utf8').digest('base64url');
}
