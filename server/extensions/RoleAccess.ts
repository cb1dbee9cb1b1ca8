import type { BoardRepository } from '../storage/BoardRepository.ts';
import type { Extension, Hocuspocus, onAuthenticatePayload, onStatelessPayload } from '@hocuspocus/server';
import {
  AwaitingAdmission,
  BoardFull,
  BoardNotFound,
  IdentityRequired,
  LinkRotated,
  RateLimited,
  RemovedFromBoard,
  Unauthorized,
} from '../../shared/protocol/closeReasons.ts';
import { decodeConnectionToken } from '../../shared/protocol/identity.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { atLeast, canWrite, parseDocumentName, type Role } from '../../shared/protocol/roles.ts';
import { WORKSHOP_COMMAND_TYPES } from '../../shared/protocol/workshop.ts';
import { personOf, type AccessContext } from '../access/AccessContext.ts';
import type { FailedAuthLimits } from '../access/FailedAuthLimits.ts';
import { stampedClientAddress } from '../live/clientAddress.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import type { Identities } from '../identity/Identities.ts';
import type { BoardPeople } from '../people/BoardPeople.ts';
import type { Sessions } from '../identity/Sessions.ts';
import type { MembersOnly } from '../identity/MembersOnly.ts';
import { answeredHere } from './hookControl.ts';
import { THREAD_READ, VISIT } from '../../shared/protocol/visits.ts';

export interface RoleAccessConfiguration {
  links: ShareLinks;
  identities: Identities;
  /** A signed-in browser's session cookie proves the person when the token has no credential. */
  sessions?: Sessions;
  /** Boards for signed-in members of a domain: a guest's editor link reads as a commenter's. */
  membersOnly?: MembersOnly;
  /** Only to tell an unknown board from a wrong token, with one indexed read (no decoding). */
  store: Pick<BoardRepository, 'getBoardInfo'>;
  /** Connections one person may hold to one board document (their tabs and devices); past it `board-full`. */
  maxConnectionsPerPerson?: number;
  /** People a facilitator removed from a board are refused there. */
  people: Pick<BoardPeople, 'isRemoved' | 'mustWait' | 'knock'>;
  /** Refused attempts per address and board; past them `rate-limited`, unchecked (BoardCapacity stamps the address). */
  failedAuth?: FailedAuthLimits;
}

/**
 * Stateless messages each need a minimum role; a message whose `type` is not listed here is
 * refused like a malformed one.
 */
export const STATELESS_RULES: Readonly<Record<string, Role>> = {
  // Workshop controls (issue 4, WorkshopControls.ts): timer, lock, cursors, bring everyone.
  ...Object.fromEntries(WORKSHOP_COMMAND_TYPES.map((type) => [type, 'facilitator' as const])),
  // Voting (issue 4; server/voting/). Viewers may say hello (they see the round) and are refused
  // a dot with a reason by the service; only facilitators start and end rounds.
  'voting:hello': 'viewer',
  'voting:place': 'viewer',
  'voting:remove': 'viewer',
  'voting:start': 'facilitator',
  'voting:reveal': 'facilitator',
  'voting:cancel': 'facilitator',
  // Private writing (issue 4; server/privateWriting/). Anyone says hello (they see the counts);
  // the service refuses a viewer's or commenter's draft with a reason; facilitators run phases.
  'private:hello': 'viewer',
  'private:add': 'viewer',
  'private:update': 'viewer',
  'private:remove': 'viewer',
  'private:start': 'facilitator',
  'private:reveal': 'facilitator',
  'private:cancel': 'facilitator',
  // A facilitator removes a person from the board (server/people/).
  'people:remove': 'facilitator',
  'people:admission': 'facilitator',
  'people:admit': 'facilitator',
  'people:deny': 'facilitator',
  // Comments (issue 5, server/extensions/Visits.ts): anyone with a link says they arrived and what they read.
  [VISIT]: 'viewer',
  [THREAD_READ]: 'viewer',
};

/**
 * Maps the provider's share token to a role and its credential to a proven person, per document
 * name, and enforces both (the token is `encodeConnectionToken`'s, shared/protocol/identity.ts):
 * - no token, a wrong one or a rotated one: refused with `unauthorized` (nothing is loaded); an
 *   id that is no board at all: `board-not-found`;
 * - no credential, a forged or a revoked one, and no live sign-in session cookie: refused with
 *   `identity-required`;
 * - a role that may not write this document (a viewer anywhere, a commenter on the board itself)
 *   gets a read-only connection: Hocuspocus then drops its document updates (MessageReceiver:
 *   `connection.readOnly` answers "not synced" and applies nothing, so nothing is stored or
 *   broadcast); awareness (cursors) still flows;
 * - stateless messages are checked against STATELESS_RULES.
 * Runs first, before BoardAccess decodes anything: a wrong token costs one hash lookup, never a
 * decode of the board, so a stranger who knows a board id cannot make the server do real work.
 */
export class RoleAccess implements Extension {
  extensionName = 'RoleAccess';
  // Before BoardAccess (200): see above.
  priority = 210;

  private readonly links: ShareLinks;
  private readonly identities: Identities;
  private readonly sessions: Sessions | null;
  private readonly membersOnly: MembersOnly | null;
  private readonly store: Pick<BoardRepository, 'getBoardInfo'>;
  private readonly people: Pick<BoardPeople, 'isRemoved' | 'mustWait' | 'knock'>;
  private readonly failedAuth?: FailedAuthLimits;
  private readonly maxConnectionsPerPerson: number;

  constructor(configuration: RoleAccessConfiguration) {
    this.links = configuration.links;
    this.identities = configuration.identities;
    this.sessions = configuration.sessions ?? null;
    this.membersOnly = configuration.membersOnly ?? null;
    this.store = configuration.store;
    this.people = configuration.people;
    this.failedAuth = configuration.failedAuth;
    this.maxConnectionsPerPerson = configuration.maxConnectionsPerPerson ?? Number.POSITIVE_INFINITY;
  }

  async onAuthenticate({
    documentName,
    token,
    connectionConfig,
    requestHeaders,
    instance,
  }: onAuthenticatePayload): Promise<AccessContext> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (!isBoardId(boardId)) throw BoardNotFound;
    const address = stampedClientAddress(requestHeaders);
    if (this.failedAuth && !this.failedAuth.admits(address, boardId)) throw RateLimited;
    const { link, credential, name } = decodeConnectionToken(token);
    const role = link ? await this.links.roleOf(boardId, link) : null;
    if (!role) {
      this.failedAuth?.failed(address, boardId);
      throw (await this.store.getBoardInfo(boardId)) ? Unauthorized : BoardNotFound;
    }
    const person =
      (await this.identities.verify(credential)) ?? (await this.sessions?.personOf(requestHeaders.get('cookie')));
    if (!person) {
      this.failedAuth?.failed(address, boardId);
      throw IdentityRequired;
    }
    if (await this.people.isRemoved(boardId, person.id)) throw RemovedFromBoard;
    // One person's tabs and devices share a small allowance: one credential cannot fill a board.
    const theirs =
      instance.documents
        .get(documentName)
        ?.getConnections()
        .filter((c) => personOf(c)?.id === person.id).length ?? 0;
    if (theirs >= this.maxConnectionsPerPerson) throw BoardFull;
    if (await this.people.mustWait(boardId, person.id, role)) {
      await this.people.knock(boardId, person.id, name ?? 'Someone');
      throw AwaitingAdmission;
    }
    const admitted = (await this.membersOnly?.admit(boardId, role, person.id)) ?? { role, guestOfDomain: null };
    connectionConfig.readOnly = !canWrite(admitted.role, kind);
    // Returned values are merged into the connection's context (Hocuspocus hooks callback).
    return { role: admitted.role, linkRole: role, boardId, person, guestOfDomain: admitted.guestOfDomain };
  }

  async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
    const role = (connection.context as Partial<AccessContext>).role;
    const type = statelessType(payload);
    const needed = type === null ? undefined : STATELESS_RULES[type];
    if (!role || !needed || !atLeast(role, needed)) {
      // Not awaited by Hocuspocus, so a throw would only be an unhandled rejection: close here.
      connection.close({ code: 4403, reason: 'forbidden-message' });
      return answeredHere();
    }
  }
}

function statelessType(payload: string): string | null {
  try {
    const parsed: unknown = JSON.parse(payload);
    const type = (parsed as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}

/**
 * Closes every connection, on every document of `boardId`, that came in with `role`'s link; used
 * after a rotation. Each provider receives a close message with reason `link-rotated`.
 */
export function disconnectRole(instance: Hocuspocus, boardId: string, role: Role): number {
  let closed = 0;
  for (const [name, document] of instance.documents) {
    if (parseDocumentName(name).boardId !== boardId) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<AccessContext>;
      // By the link it came in with: a guest's editor link, read as a commenter's, goes too.
      if ((context.linkRole ?? context.role) !== role) continue;
      connection.close(LinkRotated);
      closed++;
    }
  }
  return closed;
}
