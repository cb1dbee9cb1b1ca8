import { createHash, randomBytes } from 'node:crypto';
import { isCredential, type IssuedIdentity } from '../../shared/protocol/identity.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import type { IdentityRepository } from './IdentityRepository.ts';

export interface IdentitiesOptions {
  readonly store: IdentityRepository;
  /** Most identities one share link may issue per `issueWindowMs`; a script cannot mint hundreds. */
  readonly maxIssuedPerLink: number;
  readonly issueWindowMs?: number;
  readonly now?: () => number;
}

/** A person the server proved: the id everything person-scoped is keyed by. */
export interface ProvenPerson {
  readonly id: string;
  /** Signed in with a company account (a session, or a credential issued to a signed-in person); else a guest by link. */
  readonly signedIn?: boolean;
}

export type IssueResult =
  | { readonly ok: true; readonly identity: IssuedIdentity }
  | { readonly ok: false; readonly code: 'too-many-identities' };

const DEFAULT_ISSUE_WINDOW_MS = 10 * 60_000;
// A verdict is cached this long, so another instance's revocation takes effect within it.
const VERIFIED_TTL_MS = 30_000;
const MAX_CACHED = 10_000;

/**
 * Issues credentials and proves them. A credential is 256 random bits shown once; the database
 * keeps its sha256, so a lookup by hash is both the check and constant-time with respect to the
 * secret. Verdicts are cached briefly: every connection and HTTP call asks.
 */
export class Identities {
  private readonly store: IdentityRepository;
  private readonly maxIssuedPerLink: number;
  private readonly issueWindowMs: number;
  private readonly now: () => number;
  private readonly verified = new Map<string, { person: ProvenPerson | null; until: number }>();

  constructor(options: IdentitiesOptions) {
    this.store = options.store;
    this.maxIssuedPerLink = options.maxIssuedPerLink;
    this.issueWindowMs = options.issueWindowMs ?? DEFAULT_ISSUE_WINDOW_MS;
    this.now = options.now ?? Date.now;
  }

  /** A new person, issued through `boardId`'s `role` link (the caller has checked the link). */
  async issue(boardId: string, role: Role): Promise<IssueResult> {
    const now = this.now();
    // Counted in the database, so the limit holds across instances and restarts.
    if ((await this.store.countIssuedSince(boardId, role, now - this.issueWindowMs)) >= this.maxIssuedPerLink) {
      return { ok: false, code: 'too-many-identities' };
    }
    const credential = newCredential();
    const personId = `person-${randomBytes(16).toString('base64url')}`;
    await this.store.addPerson({
      id: personId,
      credentialHash: hashCredential(credential),
      createdAt: now,
      issuedBoardId: boardId,
      issuedRole: role,
    });
    return { ok: true, identity: { personId, credential } };
  }

  /**
   * A new credential for a person the caller has proven otherwise (a signed-in session), so the
   * client flow is the same: a credential kept on the device, and the same person on every device.
   */
  async issueFor(personId: string): Promise<IssuedIdentity> {
    const credential = `jbc_${randomBytes(32).toString('base64url')}`;
    await this.store.addCredential(personId, hashCredential(credential), this.now());
    return { personId, credential };
  }

  /** The person `credential` proves, or null (malformed, never issued, or revoked). */
  async verify(credential: string | null | undefined): Promise<ProvenPerson | null> {
    if (!isCredential(credential)) return null;
    const key = hashCredential(credential).toString('base64url');
    const now = this.now();
    const cached = this.verified.get(key);
    if (cached && cached.until > now) return cached.person;
    const stored = await this.store.personByCredential(hashCredential(credential));
    const person = stored && stored.revokedAt === null ? { id: stored.id, signedIn: stored.signedIn } : null;
    if (this.verified.size >= MAX_CACHED) this.verified.clear();
    this.verified.set(key, { person, until: now + VERIFIED_TTL_MS });
    return person;
  }

  /** Revokes a person's credential here at once (other instances within VERIFIED_TTL_MS). */
  async revoke(personId: string): Promise<boolean> {
    for (const [key, entry] of this.verified) if (entry.person?.id === personId) this.verified.delete(key);
    return this.store.revokePerson(personId, this.now());
  }
}

/** 256 random bits, in the shape isCredential checks. */
export function newCredential(): string {
  return `jbc_${randomBytes(32).toString('base64url')}`;
}

export function hashCredential(credential: string): Buffer {
  return createHash('sha256').update(credential, 'utf8').digest();
}
