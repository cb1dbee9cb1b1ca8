import type { Generated, Kysely } from 'kysely';
import type { NoteChange } from '../../shared/protocol/visits.ts';
import type { Database } from './database.ts';

export interface ActivityTables {
  board_visits: {
    board_id: string;
    person_id: string;
    name: string;
    department: string;
    first_seen_at: number;
    last_seen_at: number;
  };
  thread_reads: { board_id: string; person_id: string; thread_id: string; read_at: number };
  board_activity: {
    seq: Generated<number>;
    board_id: string;
    at: number;
    note_id: string;
    change: string;
    label: string;
    by_person: string | null;
  };
}

export interface VisitPerson {
  readonly id: string;
  readonly name: string;
  readonly department: string;
}

export interface VisitRecord {
  readonly firstSeenAt: number;
  readonly previousSeenAt: number | null;
}

export interface ActivityEvent {
  readonly at: number;
  readonly noteId: string;
  readonly change: NoteChange;
  /** The note's text at the time (first 80 characters), so a deleted note can still be named. */
  readonly label: string;
  /** The proven person whose change it was; null for the server's own (a reveal, a restore) and before identities. */
  readonly by: string | null;
}

/**
 * What the server remembers of people's visits and of the board’s note activity, for unread
 * markers and "since you were last here" (tables: migrations/0008_activity.ts). A person is the id
 * their browser declares: anyone with a link could claim another id and see that person's read
 * markers, which hold nothing secret.
 */
export class ActivityRepository {
  readonly #database: Database;
  readonly #db: Kysely<ActivityTables>;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.kysely<ActivityTables>();
  }

  /**
   * Records that `person` is on the board now; returns when they first came and when they were
   * last seen before this visit (null on a first visit). Fails if the board does not exist.
   */
  async recordVisit(boardId: string, person: VisitPerson, at: number): Promise<VisitRecord> {
    return this.#database.transaction<ActivityTables, VisitRecord>(async (trx) => {
      const before = await this.#database
        .lock(
          trx
            .selectFrom('board_visits')
            .select(['first_seen_at', 'last_seen_at'])
            .where('board_id', '=', boardId)
            .where('person_id', '=', person.id),
          'update',
        )
        .executeTakeFirst();
      await trx
        .insertInto('board_visits')
        .values({
          board_id: boardId,
          person_id: person.id,
          name: person.name,
          department: person.department,
          first_seen_at: at,
          last_seen_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['board_id', 'person_id']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            department: eb.ref('excluded.department'),
            last_seen_at: this.#database.greatest(eb.ref('board_visits.last_seen_at'), eb.ref('excluded.last_seen_at')),
          })),
        )
        .execute();
      return before
        ? { firstSeenAt: Number(before.first_seen_at), previousSeenAt: Number(before.last_seen_at) }
        : { firstSeenAt: at, previousSeenAt: null };
    });
  }

  /** Moves the person's last-seen time to `at` (on leaving). */
  async touchVisit(boardId: string, personId: string, at: number): Promise<void> {
    await this.#db
      .updateTable('board_visits')
      .set((eb) => ({ last_seen_at: this.#database.greatest(eb.ref('last_seen_at'), eb.val(at)) }))
      .where('board_id', '=', boardId)
      .where('person_id', '=', personId)
      .execute();
  }

  /** The time the person last opened each thread they opened. */
  async loadThreadReads(boardId: string, personId: string): Promise<Record<string, number>> {
    const rows = await this.#db
      .selectFrom('thread_reads')
      .select(['thread_id', 'read_at'])
      .where('board_id', '=', boardId)
      .where('person_id', '=', personId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.thread_id, Number(r.read_at)]));
  }

  async markThreadRead(boardId: string, personId: string, threadId: string, at: number): Promise<void> {
    await this.#db
      .insertInto('thread_reads')
      .values({ board_id: boardId, person_id: personId, thread_id: threadId, read_at: at })
      .onConflict((oc) =>
        oc.columns(['board_id', 'person_id', 'thread_id']).doUpdateSet((eb) => ({
          read_at: this.#database.greatest(eb.ref('thread_reads.read_at'), eb.ref('excluded.read_at')),
        })),
      )
      .execute();
  }

  /** Appends note events (server time), in one statement. */
  async appendActivity(boardId: string, events: readonly ActivityEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.#db
      .insertInto('board_activity')
      .values(
        events.map((e) => ({
          board_id: boardId,
          at: e.at,
          note_id: e.noteId,
          change: e.change,
          label: e.label,
          by_person: e.by,
        })),
      )
      .execute();
  }

  /** Deletes the board's events older than `before` (the log is a recent-changes feed, not history). */
  async pruneActivity(boardId: string, before: number): Promise<void> {
    await this.#db.deleteFrom('board_activity').where('board_id', '=', boardId).where('at', '<', before).execute();
  }

  /** Events after `since`, oldest first, at most `limit`. */
  async listActivity(boardId: string, since: number, limit: number): Promise<ActivityEvent[]> {
    const rows = await this.#db
      .selectFrom('board_activity')
      .select(['at', 'note_id', 'change', 'label', 'by_person'])
      .where('board_id', '=', boardId)
      .where('at', '>', since)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      at: Number(r.at),
      noteId: r.note_id,
      change: r.change as NoteChange,
      label: r.label,
      by: r.by_person ?? null,
    }));
  }
}
