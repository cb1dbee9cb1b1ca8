import type { beforeHandleAwarenessPayload, Connection, Document, Extension } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import type { Role } from '../../shared/protocol/roles.ts';
import { admitPresenceState, presenceCost } from '../live/presenceState.ts';
import { TokenBucket } from '../live/tokenBucket.ts';

export interface PresenceLimits {
  /** Largest awareness state relayed, in bytes of JSON. */
  readonly maxStateBytes: number;
  /** Awareness client ids one connection may introduce (a provider has one). */
  readonly idsPerConnection: number;
  /** Kilobytes of presence per second one connection may send (a state costs at least 1)… */
  readonly rate: number;
  /** …and at once. */
  readonly burst: number;
}

const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxStateBytes: 8192,
  idsPerConnection: 1,
  rate: 64,
  burst: 128,
};

export interface PresenceGuardConfiguration extends Partial<PresenceLimits> {
  readonly now?: () => number;
}

/** What the guard keeps per connection. */
interface Owner {
  readonly ids: Set<number>;
  readonly budget: TokenBucket;
  /** States held back by the budget, latest per id, applied when it refills. */
  readonly held: Map<number, Record<string, unknown>>;
  timer: ReturnType<typeof setTimeout> | null;
}

/** The bits of a connection's context the guard reads; `person` is set once identities are proven. */
interface PresenceContext {
  readonly role?: Role;
  readonly person?: { readonly id?: unknown; readonly signedIn?: unknown };
}

/**
 * Awareness is written by every client and relayed to all, so the server decides what it relays
 * (Hocuspocus 4 decodes each inbound awareness update into `states` for `beforeHandleAwareness`
 * and re-encodes what the hook leaves; a state removed from the map is neither kept nor relayed):
 * - a connection owns the client ids it introduced, at most `idsPerConnection`, and only ids no
 *   one holds in the document's awareness; states for any other id are dropped, so nobody can
 *   overwrite or blank someone else's presence, and a flood of fresh ids keeps one;
 * - each state is stamped with the connection's role and proven person id, must match the
 *   presence schema and fit in `maxStateBytes`, or it is dropped;
 * - a connection past its byte budget has its latest state held back and applied when the budget
 *   refills (awareness is last-writer-wins per id, so nothing but intermediate cursor positions is
 *   lost, and a fast mover's cursor still ends where it stopped).
 * Updates that come without a connection (another instance, through Redis) were checked there.
 * Hocuspocus already drops null states here (its scratch awareness deletes them), and removes a
 * connection's ids from the document's awareness when it closes.
 */
export class PresenceGuard implements Extension {
  extensionName = 'PresenceGuard';

  private readonly limits: PresenceLimits;
  private readonly now: () => number;
  private readonly owners = new WeakMap<Connection, Owner>();

  constructor(configuration: PresenceGuardConfiguration = {}) {
    this.limits = { ...DEFAULT_PRESENCE_LIMITS, ...withoutUndefined(configuration) };
    this.now = configuration.now ?? (() => performance.now());
  }

  /** The display name in this connection's own presence, for saying who did something (not proof of who it was). */
  nameOf(document: Document, connection: Connection): string | null {
    for (const id of this.owners.get(connection)?.ids ?? []) {
      const name = (document.awareness.getStates().get(id)?.user as { name?: unknown } | undefined)?.name;
      if (typeof name === 'string') return name;
    }
    return null;
  }

  async beforeHandleAwareness({ connection, context, document, states }: beforeHandleAwarenessPayload): Promise<void> {
    if (!connection) return;
    const owner = this.ownerOf(connection);
    const ctx = (context ?? {}) as PresenceContext;
    const stamp = {
      role: ctx.role,
      personId: typeof ctx.person?.id === 'string' ? ctx.person.id : undefined,
      signedIn: typeof ctx.person?.signedIn === 'boolean' ? ctx.person.signedIn : undefined,
    };
    const now = this.now();
    for (const [id, state] of states) {
      const mine = owner.ids.has(id);
      if (!mine && (owner.ids.size >= this.limits.idsPerConnection || document.awareness.getStates().has(id))) {
        states.delete(id);
        continue;
      }
      const verdict = admitPresenceState(state, stamp, this.limits.maxStateBytes);
      if (!verdict.ok) {
        states.delete(id);
        continue;
      }
      if (!mine) owner.ids.add(id);
      owner.held.delete(id);
      if (!owner.budget.take(now, presenceCost(verdict.bytes))) {
        owner.held.set(id, state as Record<string, unknown>);
        states.delete(id);
        this.releaseLater(document, connection, owner, verdict.bytes);
      }
    }
  }

  private ownerOf(connection: Connection): Owner {
    let owner = this.owners.get(connection);
    if (!owner) {
      owner = {
        ids: new Set(),
        budget: new TokenBucket(this.limits.rate, this.limits.burst, this.now()),
        held: new Map(),
        timer: null,
      };
      this.owners.set(connection, owner);
    }
    return owner;
  }

  private releaseLater(document: Document, connection: Connection, owner: Owner, bytes: number): void {
    if (owner.timer) return;
    owner.timer = setTimeout(
      () => {
        owner.timer = null;
        if (!document.hasConnection(connection) || owner.held.size === 0) return owner.held.clear();
        const now = this.now();
        for (const [id, state] of owner.held) {
          const cost = presenceCost(Buffer.byteLength(JSON.stringify(state)));
          if (!owner.budget.take(now, cost)) return this.releaseLater(document, connection, owner, cost * 1024);
          owner.held.delete(id);
          applyHeld(document, connection, id, state);
        }
      },
      owner.budget.waitMs(this.now(), presenceCost(bytes)),
    );
    owner.timer.unref?.();
  }
}

/**
 * Applies a held-back state as if the connection had just sent it. Its clock is one past the
 * last applied one, which is at most the clock the client gave it (a client's clock goes up by
 * one per change), so the client's next state still wins.
 */
function applyHeld(document: Document, connection: Connection, id: number, state: Record<string, unknown>): void {
  const clock = (document.awareness.meta.get(id)?.clock ?? 0) + 1;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, id);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  applyAwarenessUpdate(document.awareness, encoding.toUint8Array(encoder), { source: 'connection', connection });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
