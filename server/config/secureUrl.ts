import { z } from 'zod';

/**
 * A URL the server sends a secret to (an OIDC provider, a tracker's API): https, or http to this
 * machine only (a local test provider), so no token crosses a network in clear.
 */
export const secureUrl = z
  .string()
  .trim()
  .url()
  .refine(
    (v) => v.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(v),
    'must be an https:// URL (http only for localhost)',
  );
