import type { IncomingHttpHeaders } from 'node:http';
import { CREDENTIAL_COOKIE, CREDENTIAL_HEADER } from '../../shared/protocol/identity.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { readCookie } from '../identity/cookies.ts';
import type { Identities, ProvenPerson } from '../identity/Identities.ts';
import type { MembersOnly } from '../identity/MembersOnly.ts';
import type { Sessions } from '../identity/Sessions.ts';
import type { AccountRepository } from '../identity/AccountRepository.ts';
import { doorOf, type FutureStateLinks } from './futureStateDoor.ts';

/**
 * What entry asks of a board's people (BoardPeople, server/people/, which sits above access/):
 * who was removed, who must wait in the lobby, and a knock on the door.
 */
interface PeopleAtTheDoor {
  isRemoved(boardId: string, personId: string): Promise<boolean>;
  mustWait(boardId: string, personId: string, role: string): Promise<boolean>;
  knock(boardId: string, personId: string, name: string): Promise<void>;
}

export interface BoardEntryOptions {
  readonly identities: Pick<Identities, 'verify'>;
  /** A signed-in browser's session cookie proves the person when no credential does. */
  readonly sessions?: Pick<Sessions, 'personOf'> | null;
  readonly people: PeopleAtTheDoor;
  /** Boards for signed-in members of a domain: a guest's editor link reads as a commenter's. */
  readonly membersOnly?: Pick<MembersOnly, 'admit'> | null;
  /** The boards signed-in people joined ("My boards"): they come back to them without the link. */
  readonly members?: Pick<AccountRepository, 'membershipOf'> | null;
  /** A future-state board is entered through its current board's door (futureStateDoor.ts). */
  readonly states?: FutureStateLinks | null;
}

export type EntryRefusal = 'identity-required' | 'removed-from-board' | 'awaiting-admission';

export type Entry =
  | { readonly ok: true; readonly person: ProvenPerson; readonly role: Role; readonly guestOfDomain: string | null }
  | { readonly ok: false; readonly refusal: EntryRefusal };

/**
 * Who may come onto a board, decided the same way for a WebSocket connection (RoleAccess) and an
 * HTTP call (http/boardAccess.ts): a link alone is never enough. The person must be proven, not
 * removed from the board, and admitted when admission is on; a members-only board then narrows a
 * guest's role. One place, so a removed or waiting person cannot read through the other door.
 */
export class BoardEntry {
  private readonly options: BoardEntryOptions;

  constructor(options: BoardEntryOptions) {
    this.options = options;
  }

  /** The person a credential (or else a session cookie) proves, or null. */
  async personOf(credential: string | null | undefined, cookieHeader: string | null | undefined) {
    return (
      (await this.options.identities.verify(credential)) ??
      (await this.options.sessions?.personOf(cookieHeader)) ??
      null
    );
  }

  /** The person an HTTP request names: the credential header, the credential cookie, or a session. */
  personOfRequest(headers: IncomingHttpHeaders): Promise<ProvenPerson | null> {
    const header = headers[CREDENTIAL_HEADER.toLowerCase()];
    const credential = (typeof header === 'string' ? header : null) ?? readCookie(headers.cookie, CREDENTIAL_COOKIE);
    return this.personOf(credential, headers.cookie);
  }

  /**
   * The role a signed-in person has on a board they joined before (on any device), standing in for
   * the link they do not carry: company sign-in vouches for them, as their My boards list promises.
   * Guests by link have no such way back (they are only a device). Null: the link decides.
   */
  async memberRole(boardId: string, person: ProvenPerson | null): Promise<Role | null> {
    if (!person?.signedIn || !this.options.members) return null;
    return this.options.members.membershipOf(person.id, await doorOf(this.options.states, boardId));
  }

  /**
   * Lets `person` onto `boardId` with the role their link gives, or says why not. `knockAs` puts a
   * waiting person in the lobby under that name (a connection knocks; an HTTP call only learns it waits).
   */
  async enter(boardId: string, linkRole: Role, person: ProvenPerson | null, knockAs?: string): Promise<Entry> {
    if (!person) return { ok: false, refusal: 'identity-required' };
    const { people, membersOnly, states } = this.options;
    // A future-state board: removed from either board is out; the current board's lobby and rules apply.
    const door = await doorOf(states, boardId);
    const removed =
      (await people.isRemoved(boardId, person.id)) || (door !== boardId && (await people.isRemoved(door, person.id)));
    if (removed) return { ok: false, refusal: 'removed-from-board' };
    if (await people.mustWait(door, person.id, linkRole)) {
      if (knockAs !== undefined) await people.knock(door, person.id, knockAs);
      return { ok: false, refusal: 'awaiting-admission' };
    }
    const admitted = (await membersOnly?.admit(door, linkRole, person.id)) ?? {
      role: linkRole,
      guestOfDomain: null,
    };
    return { ok: true, person, role: admitted.role, guestOfDomain: admitted.guestOfDomain };
  }
}
