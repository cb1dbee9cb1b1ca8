import { createHash, randomBytes } from 'node:crypto';
import { readCookie, serializeCookie } from './cookies.ts';
import type { AccountRepository, SignedInProfile } from './AccountRepository.ts';
import type { ProvenPerson } from './Identities.ts';

export const SESSION_COOKIE = 'jb_session';
const DEFAULT_SESSION_TTL_MS = 7 * 24 * 60 * 60_000;
// 256 random bits, base64url: what the cookie carries and nothing else does.
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface SessionsOptions {
  readonly store: AccountRepository;
  readonly ttlMs?: number;
  /** Adds `Secure` to the cookie (PUBLIC_URL is https). */
  readonly secureCookies?: boolean;
  readonly now?: () => number;
}

/** A person a session proved, with what their company said about them. */
export interface SignedIn extends ProvenPerson {
  readonly profile: SignedInProfile;
}

/**
 * Company sign-in sessions. The cookie holds a random id; the database keeps its sha256, the
 * person and an expiry, so a stolen database opens no session and signing out (or the expiry)
 * ends it on every instance at once. Not cached: one indexed read per connection or call.
 */
export class Sessions {
  private readonly store: AccountRepository;
  private readonly ttlMs: number;
  private readonly secure: boolean;
  private readonly now: () => number;

  constructor(options: SessionsOptions) {
    this.store = options.store;
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.secure = options.secureCookies ?? false;
    this.now = options.now ?? Date.now;
  }

  /** A new session for `personId`; returns the Set-Cookie value. */
  async start(personId: string): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.store.addSession({ idHash: hashSessionId(id), personId, createdAt: now, expiresAt: now + this.ttlMs });
    // Old sessions go when new ones come: no timer, and the table stays the size of the active ones.
    await this.store.deleteExpiredSessions(now);
    return serializeCookie(SESSION_COOKIE, id, {
      path: '/',
      maxAge: Math.floor(this.ttlMs / 1000),
      secure: this.secure,
    });
  }

  /** The person whose live session the Cookie header carries, or null. */
  async personOf(cookieHeader: string | null | undefined): Promise<ProvenPerson | null> {
    const id = readCookie(cookieHeader, SESSION_COOKIE);
    if (!id || !SESSION_ID.test(id)) return null;
    const session = await this.store.sessionByHash(hashSessionId(id));
    return session && session.expiresAt > this.now() ? { id: session.personId, signedIn: true } : null;
  }

  /** As personOf, with the person's name, email and issuer. */
  async signedIn(cookieHeader: string | null | undefined): Promise<SignedIn | null> {
    const person = await this.personOf(cookieHeader);
    const profile = person ? await this.store.profileOf(person.id) : null;
    return person && profile ? { id: person.id, profile } : null;
  }

  /** Ends the session the Cookie header carries (if any); returns the Set-Cookie value that clears it. */
  async end(cookieHeader: string | null | undefined): Promise<string> {
    const id = readCookie(cookieHeader, SESSION_COOKIE);
    if (id && SESSION_ID.test(id)) await this.store.deleteSession(hashSessionId(id));
    return serializeCookie(SESSION_COOKIE, '', { path: '/', maxAge: 0, secure: this.secure });
  }
}

/**
 * The person id of (issuer, subject): the same on every device and every instance, in the
 * `person-<22 base64url>` shape of an issued one (shared/protocol/identity.ts).
 */
export function signedInPersonId(issuer: string, subject: string): string {
  return `person-${createHash('sha256').update(`${issuer}\n${subject}`, 'utf8').digest().subarray(0, 16).toString('base64url')}`;
}

function hashSessionId(id: string): Buffer {
  return createHash('sha256').update(id, 'utf8').digest();
}
