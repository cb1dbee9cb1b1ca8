import net from 'node:net';

/**
 * Which `Host` a request may name. A DNS-rebinding page makes a visitor's browser send requests
 * to this server under the attacker's own name (`Host: evil.example`, `Origin:
 * http://evil.example`: same-origin as far as the browser and our CORS check can tell), so the
 * name itself has to be checked. A loopback name or an IP literal cannot be rebound; a DNS name
 * can, so one is answered only when the operator lists it (ALLOWED_HOSTS), like Vite's dev server.
 *
 * - always: `localhost` and loopback addresses (127.0.0.0/8, `[::1]`), any port;
 * - a server bound to anything but loopback (`HOST=0.0.0.0`, a LAN address) also answers any IP
 *   literal, so `npm start` can be opened from another machine as `http://192.168.1.20:1234`;
 * - names listed in ALLOWED_HOSTS: `board.example.com` (that name), `.example.com` (it and its
 *   subdomains), or `*` (any name: only behind a proxy that checks the name itself).
 */
export interface HostPolicy {
  /** The address the server listens on (HOST). */
  readonly bindHost: string;
  /** ALLOWED_HOSTS entries, lower case. */
  readonly allowedHosts: readonly string[];
}

/** The host name of a `Host` header (no port, lower case, IPv6 without brackets), or null if malformed. */
export function hostnameOf(header: string | undefined): string | null {
  // Only the characters a host and port can hold: `user@host` or a path would let URL parsing
  // below pick a different name than the one the browser connected to.
  if (!header || header.length > 255 || !/^[A-Za-z0-9.\-:[\]]+$/.test(header)) return null;
  let url: URL;
  try {
    url = new URL(`http://${header}`);
  } catch {
    return null;
  }
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return name === '' ? null : name;
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name === '::1' || (net.isIPv4(name) && name.startsWith('127.'));
}

export function hostAllowed(header: string | undefined, policy: HostPolicy): boolean {
  const name = hostnameOf(header);
  if (name === null) return false;
  if (isLoopbackName(name)) return true;
  if (net.isIP(name) !== 0 && !isLoopbackName(policy.bindHost.toLowerCase())) return true;
  return policy.allowedHosts.some(
    (entry) =>
      entry === '*' || entry === name || (entry.startsWith('.') && (name === entry.slice(1) || name.endsWith(entry))),
  );
}

/** Parses ALLOWED_HOSTS: comma-separated names; a port, if given, is ignored. */
export function parseAllowedHosts(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .map((entry) => (entry === '*' || entry.startsWith('.') ? entry : (hostnameOf(entry) ?? entry)));
}
