import type { Generated, Kysely } from 'kysely';
import type { NoteChange } from '../../shared/protocol/visits.ts';
import { PreparedQuery } from './PreparedQuery.ts';
import { Repository } from './Repository.ts';

/** The tables as the camelCase query builder names them (migrations/0008_activity.ts). */
interface ActivityTables {
  board_visits: {
    boardId: string;
    personId: string;
    name: string;
    department: string;
    firstSeenAt: number;
    lastSeenAt: number;
  };
  thread_reads: { boardId: string; personId: string; threadId: string; readAt: number };
  board_activity: Omit<ActivityEvent, 'change' | 'by'> & {
    seq: Generated<number>;
    boardId: string;
    change: string;
    byPerson: string | null;
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
export class ActivityRepository extends Repository<ActivityTables> {
  /** The insert of a batch, per number of rows, compiled once each (PreparedQuery.ts): batches come every few seconds per board. */
  readonly #appendActivity = new Map<number, PreparedQuery<Record<string, unknown>, unknown>>();

  /**
   * Records that `person` is on the board now; returns when they first came and when they were
   * last seen before this visit (null on a first visit). Fails if the board does not exist.
   */
  async recordVisit(boardId: string, person: VisitPerson, at: number): Promise<VisitRecord> {
    return this.db.transaction().execute(async (trx): Promise<VisitRecord> => {
      const before = await this.database
        .lock(
          trx
            .selectFrom('board_visits')
            .select(['firstSeenAt', 'lastSeenAt'])
            .where('boardId', '=', boardId)
            .where('personId', '=', person.id),
          'update',
        )
        .executeTakeFirst();
      await trx
        .insertInto('board_visits')
        .values({
          boardId,
          personId: person.id,
          name: person.name,
          department: person.department,
          firstSeenAt: at,
          lastSeenAt: at,
        })
        .onConflict((oc) =>
          oc.columns(['boardId', 'personId']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            department: eb.ref('excluded.department'),
            lastSeenAt: this.database.greatest(eb.ref('board_visits.lastSeenAt'), eb.ref('excluded.lastSeenAt')),
          })),
        )
        .execute();
      return before
        ? { firstSeenAt: before.firstSeenAt, previousSeenAt: before.lastSeenAt }
        : { firstSeenAt: at, previousSeenAt: null };
    });
  }

  /** Moves the person's last-seen time to `at` (on leaving). */
  async touchVisit(boardId: string, personId: string, at: number): Promise<void> {
    await this.db
      .updateTable('board_visits')
      .set((eb) => ({ lastSeenAt: this.database.greatest(eb.ref('lastSeenAt'), eb.val(at)) }))
      .where('boardId', '=', boardId)
      .where('personId', '=', personId)
      .execute();
  }

  /** The time the person last opened each thread they opened. */
  async loadThreadReads(boardId: string, personId: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('thread_reads')
      .select(['threadId', 'readAt'])
      .where('boardId', '=', boardId)
      .where('personId', '=', personId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.threadId, r.readAt]));
  }

  async markThreadRead(boardId: string, personId: string, threadId: string, at: number): Promise<void> {
    await this.db
      .insertInto('thread_reads')
      .values({ boardId, personId, threadId, readAt: at })
      .onConflict((oc) =>
        oc.columns(['boardId', 'personId', 'threadId']).doUpdateSet((eb) => ({
          readAt: this.database.greatest(eb.ref('thread_reads.readAt'), eb.ref('excluded.readAt')),
        })),
      )
      .execute();
  }

  /**
   * Appends note events (server time), all or none: on failure BoardActivity keeps the batch for the
   * next one, so a half-stored batch would be stored twice.
   */
  async appendActivity(boardId: string, events: readonly ActivityEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map((e) => ({
      boardId,
      at: e.at,
      noteId: e.noteId,
      change: e.change,
      label: e.label,
      byPerson: e.by,
    }));
    if (rows.length <= ACTIVITY_ROWS_PER_INSERT) {
      await this.#insertActivity(rows, this.db);
      return;
    }
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ACTIVITY_ROWS_PER_INSERT)
        await this.#insertActivity(rows.slice(i, i + ACTIVITY_ROWS_PER_INSERT), trx);
    });
  }

  #insertActivity(rows: readonly Record<string, unknown>[], db: Kysely<ActivityTables>): Promise<unknown> {
    return this.#appendActivityQuery(rows.length).execute(
      Object.fromEntries(
        rows.flatMap((row, i) => Object.entries(row).map(([column, value]) => [`${column}${i}`, value])),
      ),
      db,
    );
  }

  #appendActivityQuery(count: number): PreparedQuery<Record<string, unknown>, unknown> {
    let query = this.#appendActivity.get(count);
    if (!query) {
      const columns = ['boardId', 'at', 'noteId', 'change', 'label', 'byPerson'] as const;
      const indices = Array.from({ length: count }, (_, i) => i);
      query = new PreparedQuery(
        this.db,
        indices.flatMap((i) => columns.map((column) => `${column}${i}`)),
        (a: Record<string, unknown>) =>
          this.db.insertInto('board_activity').values(
            indices.map((i) => ({
              boardId: a[`boardId${i}`] as string,
              at: a[`at${i}`] as number,
              noteId: a[`noteId${i}`] as string,
              change: a[`change${i}`] as string,
              label: a[`label${i}`] as string,
              byPerson: a[`byPerson${i}`] as string | null,
            })),
          ),
      );
      this.#appendActivity.set(count, query);
    }
    return query;
  }

  /** Deletes the board's events older than `before` (the log is a recent-changes feed, not history). */
  async pruneActivity(boardId: string, before: number): Promise<void> {
    await this.db.deleteFrom('board_activity').where('boardId', '=', boardId).where('at', '<', before).execute();
  }

  /** Events after `since`, oldest first, at most `limit`. */
  async listActivity(boardId: string, since: number, limit: number): Promise<ActivityEvent[]> {
    const rows = await this.db
      .selectFrom('board_activity')
      .select(['at', 'noteId', 'change', 'label', 'byPerson as by'])
      .where('boardId', '=', boardId)
      .where('at', '>', since)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, change: r.change as NoteChange }));
  }
}

/**
 * One compiled insert per batch size up to this many rows, so the cache stays bounded; a larger
 * batch (a busy board: every change in the flush interval) is stored as several such inserts in one
 * transaction.
 */
const ACTIVITY_ROWS_PER_INSERT = 32;
