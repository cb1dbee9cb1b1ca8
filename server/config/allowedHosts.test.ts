import { describe, expect, it } from 'vitest';
import { hostAllowed, hostnameOf, parseAllowedHosts } from './allowedHosts.ts';

describe('allowedHosts', () => {
  const loopback = { bindHost: '127.0.0.1', allowedHosts: [] };
  const everywhere = { bindHost: '0.0.0.0', allowedHosts: [] };

  it('reads the host name of a Host header, and nothing from a malformed one', () => {
    expect(hostnameOf('Board.Example.com:8080')).toBe('board.example.com');
    expect(hostnameOf('[::1]:1234')).toBe('::1');
    expect(hostnameOf('localhost.')).toBe('localhost');
    expect(hostnameOf('evil.example@127.0.0.1')).toBeNull();
    expect(hostnameOf('127.0.0.1/evil')).toBeNull();
    expect(hostnameOf(undefined)).toBeNull();
  });

  it('a loopback server answers loopback names only, unless a name is listed', () => {
    for (const host of ['localhost:1234', '127.0.0.1', '[::1]:5173', '127.0.0.2'])
      expect(hostAllowed(host, loopback), host).toBe(true);
    for (const host of ['192.168.1.20:1234', 'evil.example', 'localhost.evil.example'])
      expect(hostAllowed(host, loopback), host).toBe(false);
    expect(hostAllowed('board.example.com', { ...loopback, allowedHosts: ['board.example.com'] })).toBe(true);
  });

  it('a server on 0.0.0.0 with ALLOWED_HOSTS unset also answers IP literals (the LAN), never a DNS name', () => {
    for (const host of ['192.168.1.20:1234', '[fe80::1]:1234', '10.0.0.11', 'localhost'])
      expect(hostAllowed(host, everywhere), host).toBe(true);
    for (const host of ['evil.example', 'my-laptop.local', 'board.example.com'])
      expect(hostAllowed(host, everywhere), host).toBe(false);
  });

  it('ALLOWED_HOSTS lists names, .domains with their subdomains, or * for any', () => {
    const listed = { bindHost: '0.0.0.0', allowedHosts: parseAllowedHosts(' Board.Example.com:443, .corp.example ') };
    expect(listed.allowedHosts).toEqual(['board.example.com', '.corp.example']);
    expect(hostAllowed('board.example.com', listed)).toBe(true);
    expect(hostAllowed('a.board.example.com', listed)).toBe(false);
    expect(hostAllowed('corp.example', listed)).toBe(true);
    expect(hostAllowed('wiki.corp.example:8443', listed)).toBe(true);
    expect(hostAllowed('evilcorp.example', listed)).toBe(false);
    expect(hostAllowed('anything.example', { bindHost: '127.0.0.1', allowedHosts: ['*'] })).toBe(true);
  });
});
