import type { Role } from '../../shared/protocol/roles.ts';
import type { AccountRepository } from './AccountRepository.ts';

/** The role a connection gets, and the domain it is a guest of (null: a member, or no rule). */
export interface Admission {
  readonly role: Role;
  readonly guestOfDomain: string | null;
}

/**
 * The board setting "only signed-in members of example.com may edit and vote". A person is a
 * member when a sign-in session proved them and their provider gave an address at the domain (or
 * a subdomain). Anyone else keeps coming in by link as a guest: an editor link reads as a
 * commenter's, and votes are refused (VotingOutbox.votingRefusal). A facilitator link stays a
 * facilitator's: it is the board's key, and taking it away would lock out the one who set the rule.
 */
export class MembersOnly {
  private readonly accounts: AccountRepository;

  constructor(accounts: AccountRepository) {
    this.accounts = accounts;
  }

  async admit(boardId: string, role: Role, personId: string): Promise<Admission> {
    const domain = await this.accounts.membersDomain(boardId);
    if (!domain) return { role, guestOfDomain: null };
    const email = (await this.accounts.profileOf(personId))?.email ?? null;
    if (email && isAtDomain(email, domain)) return { role, guestOfDomain: null };
    return { role: role === 'editor' ? 'commenter' : role, guestOfDomain: domain };
  }
}

function isAtDomain(email: string, domain: string): boolean {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

/** A lower-case DNS name with at least one dot: what a facilitator may set. */
export const MEMBERS_DOMAIN = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
