import type { Extension, onAuthenticatePayload, onStatelessPayload } from '@hocuspocus/server';
import {
  AwaitingAdmission,
  BoardFull,
  BoardNotFound,
  IdentityRequired,
  RateLimited,
  RemovedFromBoard,
  Unauthorized,
  type CloseReason,
} from '../../shared/protocol/closeReasons.ts';
import { decodeConnectionToken } from '../../shared/protocol/identity.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { atLeast, canWrite, parseDocumentName, type Role } from '../../shared/protocol/roles.ts';
import { WORKSHOP_COMMAND_TYPES } from '../../shared/protocol/workshop.ts';
import { personOf, type AccessContext } from '../access/AccessContext.ts';
import type { FailedAuthLimits } from '../access/FailedAuthLimits.ts';
import { stampedClientAddress } from '../live/clientAddress.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import { hashToken } from '../access/shareTokens.ts';
import type { BoardEntry, EntryRefusal } from '../access/BoardEntry.ts';
import type { BoardRepository } from '../storage/BoardRepository.ts';
import { answeredHere } from './hookControl.ts';
import { THREAD_READ, VISIT } from '../../shared/protocol/visits.ts';

export interface RoleAccessConfiguration {
  links: ShareLinks;
  /** Proves the person and decides whether they may come onto the board (removed, lobby, members-only). */
  entry: BoardEntry;
  /** Only to tell an unknown board from a wrong token, with one indexed read (no decoding). */
  store: Pick<BoardRepository, 'getBoardInfo'>;
  /** Connections one person may hold to one board document (their tabs and devices); past it `board-full`. */
  maxConnectionsPerPerson?: number;
  /** Refused attempts per address and board; past them `rate-limited`, unchecked (BoardCapacity stamps the address). */
  failedAuth?: FailedAuthLimits;
}

/**
 * Stateless messages each need a minimum role; a message whose `type` is not listed here is
 * refused like a malformed one.
 */
const STATELESS_RULES: Readonly<Record<string, Role>> = {
  // Workshop controls (WorkshopControls.ts): timer, lock, cursors, bring everyone.
  ...Object.fromEntries(WORKSHOP_COMMAND_TYPES.map((type) => [type, 'facilitator' as const])),
  // Voting (server/voting/). Viewers may say hello (they see the round) and are refused
  // a dot with a reason by the service; only facilitators start and end rounds.
  'voting:hello': 'viewer',
  'voting:place': 'viewer',
  'voting:remove': 'viewer',
  'voting:start': 'facilitator',
  'voting:reveal': 'facilitator',
  'voting:cancel': 'facilitator',
  // Private writing (server/privateWriting/). Anyone says hello (they see the counts);
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
  // Comments (server/extensions/Visits.ts): anyone with a link says they arrived and what they read.
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

  private readonly links: ShareLinks;
  private readonly entry: BoardEntry;
  private readonly store: Pick<BoardRepository, 'getBoardInfo'>;
  private readonly failedAuth?: FailedAuthLimits;
  private readonly maxConnectionsPerPerson: number;

  constructor(configuration: RoleAccessConfiguration) {
    this.links = configuration.links;
    this.entry = configuration.entry;
    this.store = configuration.store;
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
    const cookie = requestHeaders.get('cookie');
    const linkRole = link ? await this.links.roleOf(boardId, link) : null;
    // Without the board's link, only a signed-in member of the board gets in (My boards).
    const person = linkRole ? null : await this.entry.personOf(credential, cookie);
    const memberRole = linkRole ? null : await this.entry.memberRole(boardId, person);
    const role = linkRole ?? memberRole;
    if (!role) {
      this.failedAuth?.failed(address, boardId);
      throw (await this.store.getBoardInfo(boardId)) ? Unauthorized : BoardNotFound;
    }
    const proven = person ?? (await this.entry.personOf(credential, cookie));
    if (!proven) {
      this.failedAuth?.failed(address, boardId);
      throw IdentityRequired;
    }
    // One person's tabs and devices share a small allowance: one credential cannot fill a board.
    const theirs =
      instance.documents
        .get(documentName)
        ?.getConnections()
        .filter((c) => personOf(c)?.id === proven.id).length ?? 0;
    if (theirs >= this.maxConnectionsPerPerson) throw BoardFull;
    const admitted = await this.entry.enter(boardId, role, proven, name ?? 'Someone');
    if (!admitted.ok) throw REFUSALS[admitted.refusal];
    connectionConfig.readOnly = !canWrite(admitted.role, kind);
    // Returned values are merged into the connection's context (Hocuspocus hooks callback).
    return {
      role: admitted.role,
      // A member who came without the link is not closed when that link is rotated: the link never let them in.
      linkRole: linkRole ?? undefined,
      linkTokenHash: linkRole && link ? hashToken(link).toString('hex') : undefined,
      boardId,
      person: proven,
      guestOfDomain: admitted.guestOfDomain,
    };
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

const REFUSALS: Record<EntryRefusal, CloseReason> = {
  'identity-required': IdentityRequired,
  'removed-from-board': RemovedFromBoard,
  'awaiting-admission': AwaitingAdmission,
};

function statelessType(payload: string): string | null {
  try {
    const parsed: unknown = JSON.parse(payload);
    const type = (parsed as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}
