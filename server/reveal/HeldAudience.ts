import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { Role } from '../../shared/protocol/roles.ts';
import type { VoterIdentity } from '../../shared/protocol/voting.ts';
import { type AccessContext, personOf } from '../access/AccessContext.ts';

/** Who a connection said it is in its hello: the proven id, with the name and department to show. */
export type HeldPerson = VoterIdentity;

/**
 * Who may hear what of state the server holds until a reveal (voting's ballots, private writing's
 * drafts): the connections of a board, and the person each one said it is in its hello, bound for
 * the connection's lifetime. Each feature's outbox extends it with its own messages and stays the
 * one place that decides who receives what; `store` is the feature's repository, `now` its clock.
 */
export class HeldAudience<Store = unknown> {
  protected instance: Hocuspocus | null = null;
  private readonly people = new WeakMap<Connection, HeldPerson>();
  protected readonly store: Store;
  protected readonly now: () => number;

  constructor(store: Store, now: () => number) {
    this.store = store;
    this.now = now;
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  /** Who `connection` said it is, or undefined before its hello. */
  identified(connection: Connection): HeldPerson | undefined {
    return this.people.get(connection);
  }

  identify(connection: Connection, person: HeldPerson): void {
    this.people.set(connection, person);
  }

  /** The connections to the board document `boardId` on this instance. */
  connectionsOf(boardId: string): Connection[] {
    return this.instance?.documents.get(boardId)?.getConnections() ?? [];
  }

  /** `message` to the connections of `personId` on the board (every tab and device of theirs), and to no other. */
  protected sendToPerson(boardId: string, personId: string, message: string): void {
    for (const c of this.connectionsOf(boardId)) if (this.people.get(c)?.id === personId) c.sendStateless(message);
  }
}

/** A refusal as sent: the feature's code and the sentence for people (a toast). */
export interface HeldRefusal<Code extends string> {
  readonly code: Code;
  readonly message: string;
}

/** What every refusal message carries besides its type and subject: the reason, and which request it answers. */
export function refusalFields<Code extends string, Request extends string>(
  refusal: HeldRefusal<Code>,
  request: { readonly type: Request; readonly requestId?: string } | null,
) {
  const { code, message } = refusal;
  return { code, message, request: request?.type ?? null, requestId: request?.requestId ?? null };
}

/**
 * The person a hello binds to its connection: the id RoleAccess proved for it (an id in the hello
 * is ignored), with the name and department the hello gives. Null when the connection has no
 * proven person (never in practice: RoleAccess refuses such a connection).
 */
export function helloPerson(connection: Connection, declared: Omit<HeldPerson, 'id'>): HeldPerson | null {
  const proven = personOf(connection);
  return proven ? { id: proven.id, name: declared.name, department: declared.department } : null;
}

/** The role `connection`'s link gives it (RoleAccess), or undefined before it is proven. */
export function roleOf(connection: Connection): Role | undefined {
  return (connection.context as Partial<AccessContext>).role;
}
