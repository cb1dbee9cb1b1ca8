/**
 * A browser's cookie handling, as much as sign-in tests need: one jar per origin (host and
 * port), cookies sent on paths under their Path, Max-Age=0 deletes. Redirects are followed by
 * hand so a test can look at (or tamper with) every hop.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, { value: string; path: string }>>();

  /** The Cookie header this browser sends to `url`, or undefined. */
  cookieFor(url: string | URL): string | undefined {
    const u = new URL(url);
    const jar = this.jars.get(u.origin);
    const pairs = [...(jar ?? [])]
      .filter(([, c]) => u.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`);
    return pairs.length ? pairs.join('; ') : undefined;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).origin)?.get(name)?.value;
  }

  setCookie(origin: string, name: string, value: string, path = '/'): void {
    const key = new URL(origin).origin;
    const jar = this.jars.get(key) ?? new Map<string, { value: string; path: string }>();
    this.jars.set(key, jar);
    jar.set(name, { value, path });
  }

  /** One request, no redirect followed; cookies sent and stored. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const cookie = this.cookieFor(url);
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(new URL(url).origin, line);
    return response;
  }

  /**
   * Follows redirects from `url` until an answer that is not one; `visit` may change each URL
   * before it is requested (an attacker's tampering). Returns the last response and its URL.
   */
  async follow(
    url: string | URL,
    visit: (next: URL) => URL = (u) => u,
    maxHops = 12,
  ): Promise<{ response: Response; url: URL }> {
    let current = visit(new URL(url));
    for (let hop = 0; hop < maxHops; hop++) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      await response.body?.cancel();
      current = visit(new URL(location, current));
    }
    throw new Error(`More than ${maxHops} redirects from ${url}`);
  }

  private store(origin: string, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (n: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${n.toLowerCase()}=`))?.split('=')[1];
    const jar = this.jars.get(origin) ?? new Map<string, { value: string; path: string }>();
    this.jars.set(origin, jar);
    if (attr('Max-Age') === '0') jar.delete(name);
    else jar.set(name, { value, path: attr('Path') ?? '/' });
  }
}
