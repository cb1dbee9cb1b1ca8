import dns from 'node:dns';
import net from 'node:net';

/** Addresses a webhook may not reach unless the operator allows it: this machine and private networks. */
const PRIVATE = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  PRIVATE.addSubnet(prefix, bits, 'ipv6');

/** True for loopback, private, link-local and other non-public addresses (an IPv4-mapped IPv6 one by its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type TargetRefusal = 'not-http' | 'credentials-in-url' | 'private-address';

/** Why `url` may not be a webhook target on its face (the address it resolves to is checked when connecting). */
export function refuseTarget(url: URL, allowPrivate: boolean): TargetRefusal | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-http';
  if (url.username || url.password) return 'credentials-in-url';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) return 'private-address';
  if (!allowPrivate && net.isIP(host) !== 0 && isPrivateAddress(host)) return 'private-address';
  return null;
}

export class PrivateAddressError extends Error {
  readonly code = 'private-address';
}

/**
 * A `lookup` for node:http that refuses a name resolving to a private address at connect time,
 * so a name that changes its answer after the check (DNS rebinding) gets nowhere either.
 */
export function publicOnlyLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = !allowPrivate && list.some((a) => isPrivateAddress(a.address));
      if (refused) return callback(new PrivateAddressError(`${hostname} resolves to a private address`), '', 0);
      if ((options as dns.LookupOptions).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}
