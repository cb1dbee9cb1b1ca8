import type {
  connectedPayload,
  Extension,
  Hocuspocus,
  onAuthenticatePayload,
  onUpgradePayload,
} from '@hocuspocus/server';
import { BoardFull, Unauthorized } from '../../shared/protocol/closeReasons.ts';
import { decodeConnectionToken } from '../../shared/protocol/identity.ts';
import { isRole, parseDocumentName, type Role } from '../../shared/protocol/roles.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import { admission, type CapacityLimits, type Occupancy } from '../live/capacityRules.ts';
import { stampClientAddress, stampedClientAddress } from '../live/clientAddress.ts';
import { log } from '../observability/log.ts';

export interface BoardCapacityConfiguration {
  /** To learn a connection's role when a board is nearly full (see below). */
  readonly links: ShareLinks;
  readonly maxConnectionsPerBoard: number;
  /** Slots viewers and commenters may not use; default a tenth of the board. */
  readonly reservedConnections?: number;
  readonly maxConnectionsPerAddress: number;
  /** Take the client's address from the last X-Forwarded-For entry (a proxy in front), not the socket. */
  readonly trustProxy?: boolean;
  readonly facilitatorSlots?: number;
  readonly now?: () => number;
}

/** What BoardCapacity adds to a connection's context. */
export interface CapacityContext {
  readonly clientAddress: string;
}

// An admission not followed by an established connection (a later hook refused, the socket went)
// stops counting after this long.
const RESERVATION_MS = 15_000;

interface Reservation {
  readonly role: Role | null;
  readonly address: string;
  readonly at: number;
}

/**
 * Admits connections to a board document by role, address and room (rules in
 * live/capacityRules.ts): facilitators always get in, viewers and commenters cannot take the slots
 * kept for editors, one address cannot take more than its share.
 *
 * Runs after RoleAccess and BoardAccess (extensions/order.ts), which refuse bad tokens. Hocuspocus builds one payload
 * for the whole onAuthenticate chain and merges each hook's return value into the context only
 * for the hooks after authentication, so RoleAccess's `role` is not visible here; established
 * connections have it in their context, and for the one asking, the role is looked up again
 * (one share-link read) only when the board is nearly full. Admissions count until their
 * connection is established, so a crowd authenticating at once cannot overshoot.
 */
export class BoardCapacity implements Extension {
  extensionName = 'BoardCapacity';

  private readonly links: ShareLinks;
  private readonly limits: CapacityLimits;
  private readonly trustProxy: boolean;
  private readonly now: () => number;
  private readonly reservations = new Map<string, Map<string, Reservation>>();

  constructor(configuration: BoardCapacityConfiguration) {
    this.links = configuration.links;
    this.trustProxy = configuration.trustProxy ?? false;
    this.now = configuration.now ?? Date.now;
    const max = configuration.maxConnectionsPerBoard;
    this.limits = {
      maxConnections: max,
      reserved: configuration.reservedConnections ?? Math.ceil(max / 10),
      maxPerAddress: configuration.maxConnectionsPerAddress,
      facilitatorSlots: configuration.facilitatorSlots ?? 20,
    };
  }

  async onUpgrade({ request }: onUpgradePayload): Promise<void> {
    stampClientAddress(request, this.trustProxy);
  }

  async onAuthenticate({
    documentName,
    token,
    instance,
    requestHeaders,
    socketId,
  }: onAuthenticatePayload): Promise<CapacityContext> {
    const address = stampedClientAddress(requestHeaders);
    let role: Role | null = null;
    let decision = admission(null, this.occupancy(instance, documentName, address), this.limits);
    if (decision === 'need-role') {
      role = await this.links.roleOf(parseDocumentName(documentName).boardId, decodeConnectionToken(token).link);
      if (!role) throw Unauthorized; // rotated in between
      decision = admission(role, this.occupancy(instance, documentName, address), this.limits);
    }
    if (decision !== 'admit') {
      log.warn({ board: documentName, role, why: decision }, 'refusing a connection: board-full');
      throw BoardFull;
    }
    this.reserve(documentName, socketId, { role, address, at: this.now() });
    return { clientAddress: address };
  }

  async connected({ documentName, socketId }: connectedPayload): Promise<void> {
    const forDocument = this.reservations.get(documentName);
    forDocument?.delete(socketId);
    if (forDocument?.size === 0) this.reservations.delete(documentName);
  }

  private reserve(documentName: string, socketId: string, reservation: Reservation): void {
    let forDocument = this.reservations.get(documentName);
    if (!forDocument) {
      forDocument = new Map();
      this.reservations.set(documentName, forDocument);
    }
    forDocument.set(socketId, reservation);
  }

  private occupancy(instance: Hocuspocus, documentName: string, address: string): Occupancy {
    const byRole: Partial<Record<Role, number>> = {};
    let fromAddress = 0;
    const live = instance.documents.get(documentName);
    for (const connection of live?.getConnections() ?? []) {
      const context = connection.context as { role?: unknown; clientAddress?: unknown };
      if (isRole(context.role)) byRole[context.role] = (byRole[context.role] ?? 0) + 1;
      if (context.clientAddress === address) fromAddress++;
    }
    let pending = 0;
    const forDocument = this.reservations.get(documentName);
    const now = this.now();
    for (const [socketId, r] of forDocument ?? []) {
      if (now - r.at > RESERVATION_MS) {
        forDocument!.delete(socketId);
        continue;
      }
      pending++;
      if (r.role) byRole[r.role] = (byRole[r.role] ?? 0) + 1;
      if (r.address === address) fromAddress++;
    }
    return { total: (live?.getConnectionsCount() ?? 0) + pending, byRole, fromAddress };
  }
}
