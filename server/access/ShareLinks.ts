import type { BoardRepository } from '../storage/BoardRepository.ts';
import { doorOf, type FutureStateLinks } from './futureStateDoor.ts';
import { atLeast, canFacilitate, ROLES, shareableRoles, type Role } from '../../shared/protocol/roles.ts';
import {
  levelSecret,
  makeRow,
  matchToken,
  newBoardSecret,
  tokenFor,
  unseal,
  type ShareLinkRow,
} from './shareTokens.ts';

/** The tokens one caller may see: its own role's and every lower role's. */
export interface VisibleLinks {
  readonly role: Role;
  readonly tokens: Partial<Record<Role, string>>;
}

export type RotateResult =
  | { readonly ok: true; readonly links: VisibleLinks }
  | { readonly ok: false; readonly code: 'unauthorized' | 'forbidden' };

/**
 * Share links of boards, on top of BoardRepository's share-link rows (see shareTokens.ts for
 * how tokens are derived, hashed and sealed). Nothing is cached: a rotation takes effect for the
 * very next connection or request.
 */
export class ShareLinks {
  private readonly store: Pick<BoardRepository, 'loadShareLinks' | 'saveShareLinks'>;
  private readonly states: FutureStateLinks | null;

  /** `states`: a future-state board answers to its current board's links (futureStateDoor.ts). */
  constructor(
    store: Pick<BoardRepository, 'loadShareLinks' | 'saveShareLinks'>,
    states: FutureStateLinks | null = null,
  ) {
    this.store = store;
    this.states = states;
  }

  private async rowsOf(boardId: string): Promise<readonly ShareLinkRow[]> {
    return this.store.loadShareLinks(await doorOf(this.states, boardId));
  }

  /** Makes and stores one link per role for a new board; returns the tokens, shown once. */
  async create(boardId: string): Promise<Record<Role, string>> {
    const top = newBoardSecret();
    const made = ROLES.map((role) => makeRow(role, levelSecret('facilitator', top, role), 1));
    await this.store.saveShareLinks(
      boardId,
      made.map((m) => m.row),
    );
    return Object.fromEntries(made.map((m) => [m.row.role, m.token])) as Record<Role, string>;
  }

  /** The role `token` grants on `boardId`, or null (unknown board, wrong or rotated token). */
  async roleOf(boardId: string, token: string): Promise<Role | null> {
    return matchToken(await this.rowsOf(boardId), token)?.role ?? null;
  }

  /** The sha256 (hex) of each current token of the board: a rotated link's is not among them. */
  async currentTokenHashes(boardId: string): Promise<Set<string>> {
    return new Set((await this.rowsOf(boardId)).map((r) => Buffer.from(r.tokenHash).toString('hex')));
  }

  /** The caller's role and the current tokens of the links it may hand out, or null. */
  async visibleTo(boardId: string, token: string): Promise<VisibleLinks | null> {
    const rows = await this.rowsOf(boardId);
    const own = matchToken(rows, token);
    return own ? visible(rows, own, token) : null;
  }

  /** A facilitator gives `role` a new token; the old one stops working at once. */
  async rotate(boardId: string, token: string, role: Role): Promise<RotateResult> {
    const door = await doorOf(this.states, boardId);
    const rows = await this.store.loadShareLinks(door);
    const own = matchToken(rows, token);
    if (!own) return { ok: false, code: 'unauthorized' };
    if (!canFacilitate(own.role)) return { ok: false, code: 'forbidden' };
    const current = rows.find((r) => r.role === role);
    const secret = levelSecret(own.role, unseal(own, token), role);
    const { row, token: fresh } = makeRow(role, secret, (current?.generation ?? 0) + 1);
    await this.store.saveShareLinks(door, [row]);
    const updated = rows.map((r) => (r.role === role ? row : r));
    // A facilitator who rotates its own link keeps going with the new token.
    const caller = role === own.role ? row : own;
    return { ok: true, links: visible(updated, caller, role === own.role ? fresh : token) };
  }
}

function visible(rows: readonly ShareLinkRow[], own: ShareLinkRow, token: string): VisibleLinks {
  const secret = unseal(own, token);
  const tokens: Partial<Record<Role, string>> = {};
  for (const role of shareableRoles(own.role)) {
    const row = rows.find((r) => r.role === role);
    if (row && atLeast(own.role, role))
      tokens[role] = tokenFor(role, levelSecret(own.role, secret, role), row.generation);
  }
  return { role: own.role, tokens };
}
