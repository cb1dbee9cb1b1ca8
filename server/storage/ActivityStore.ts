import type { NoteChange } from '../../shared/protocol/visits.ts';

/**
 * What the server remembers of people's visits and of the board’s note activity, for
 * unread markers and "since you were last here". A person is the id their browser declares
 * (there are no accounts, like everywhere in Journeyboard): anyone with a link could claim
 * another id and see that person's read markers, which hold nothing secret.
 */
export interface ActivityStore {
  /**
   * Records that `person` is on the board now; returns when they first came and when they were
   * last seen before this visit (null on a first visit). Fails if the board does not exist.
   */
  recordVisit(boardId: string, person: VisitPerson, at: number): Promise<VisitRecord>;
  /** Moves the person's last-seen time to `at` (on leaving). */
  touchVisit(boardId: string, personId: string, at: number): Promise<void>;
  /** The time the person last opened each thread they opened. */
  loadThreadReads(boardId: string, personId: string): Promise<Record<string, number>>;
  markThreadRead(boardId: string, personId: string, threadId: string, at: number): Promise<void>;
  /** Appends note events (server time), in one transaction. */
  appendActivity(boardId: string, events: readonly ActivityEvent[]): Promise<void>;
  /** Deletes the board's events older than `before` (the log is a recent-changes feed, not history). */
  pruneActivity(boardId: string, before: number): Promise<void>;
  /** Events after `since`, oldest first, at most `limit`. */
  listActivity(boardId: string, since: number, limit: number): Promise<ActivityEvent[]>;
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
