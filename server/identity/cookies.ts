/** The value of cookie `name` in a Cookie header, or null. Malformed pairs are skipped, never thrown on. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    return pair.slice(eq + 1).trim();
  }
  return null;
}

export interface CookieOptions {
  readonly path: string;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
  /** Only over https: on when PUBLIC_URL is https. */
  readonly secure: boolean;
}

/**
 * A Set-Cookie value that scripts cannot read (HttpOnly) and that a foreign site's form or
 * fetch does not carry (SameSite=Lax: only top-level GET navigations, which is how the sign-in
 * provider sends the browser back). Values are base64url, so nothing needs escaping.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
