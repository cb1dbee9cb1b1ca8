import type { ActivityRepository } from '../storage/ActivityRepository.ts';
import type { Extension, onDisconnectPayload, onStatelessPayload } from '@hocuspocus/server';
import { peopleMap, recordPerson } from '../../shared/comments/index.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import {
  collapseNoteEvents,
  threadReadMessageSchema,
  VISIT_INFO,
  visitMessageSchema,
  type VisitInfo,
} from '../../shared/protocol/visits.ts';
import type { BoardActivity } from './BoardActivity.ts';
import { log } from '../observability/log.ts';
import { personOf } from '../access/AccessContext.ts';

export interface VisitsConfiguration {
  store: ActivityRepository;
  activity: BoardActivity;
  now?: () => number;
}

/** What Visits keeps in a comments connection's context once the person said who they are. */
interface VisitorContext {
  visitorId?: string;
}

const MAX_SUMMARY_NOTES = 100;
/** Mention candidates kept per board; past it, new people are remembered but not listed. */
const MAX_PEOPLE = 1000;

/**
 * Remembers each person's visits to a board, over stateless messages on the comments
 * connection (`shared/protocol/visits.ts`): on `journeyboard:visit` it records the visit, adds
 * the person to the comments document's `people` (mention candidates, all roles), and answers
 * `journeyboard:visit-info` with when they were last here, their thread reads, and the notes
 * changed since (BoardActivity); `journeyboard:thread-read` marks a thread read; when the
 * connection closes, their last-seen time moves to then. RoleAccess has already checked the
 * message type is allowed (STATELESS_RULES).
 */
export class Visits implements Extension {
  extensionName = 'Visits';
  private readonly store: ActivityRepository;
  private readonly activity: BoardActivity;
  private readonly now: () => number;

  constructor(configuration: VisitsConfiguration) {
    this.store = configuration.store;
    this.activity = configuration.activity;
    this.now = configuration.now ?? Date.now;
  }

  async onStateless({ connection, documentName, document, payload }: onStatelessPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'comments') return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    const context = connection.context as VisitorContext;
    const visit = visitMessageSchema.safeParse(message);
    if (visit.success) {
      // The id is the one RoleAccess proved: a client cannot record, or read, anyone else's visits.
      const proven = personOf(connection);
      if (!proven) return;
      const person = { id: proven.id, name: visit.data.person.name, department: visit.data.person.department };
      const now = this.now();
      try {
        const record = await this.store.recordVisit(boardId, person, now);
        context.visitorId = person.id;
        if (peopleMap(document).has(person.id) || peopleMap(document).size < MAX_PEOPLE)
          recordPerson(document, { ...person, joinedAt: record.firstSeenAt });
        const since = record.previousSeenAt;
        // Other people's changes only: the person's own (offline edits sent on reconnect too) are no news to them.
        const others =
          since === null ? [] : (await this.activity.since(boardId, since)).filter((e) => e.by !== person.id);
        const notes = collapseNoteEvents(others).slice(0, MAX_SUMMARY_NOTES);
        const info: VisitInfo = {
          type: VISIT_INFO,
          now,
          firstSeenAt: record.firstSeenAt,
          previousSeenAt: since,
          reads: await this.store.loadThreadReads(boardId, person.id),
          notes,
        };
        connection.sendStateless(JSON.stringify(info));
      } catch (error) {
        log.error({ board: boardId, err: error instanceof Error ? error.message : error }, 'could not record a visit');
      }
      return;
    }
    const read = threadReadMessageSchema.safeParse(message);
    if (read.success && context.visitorId) {
      await this.store
        .markThreadRead(boardId, context.visitorId, read.data.threadId, this.now())
        .catch((error: unknown) =>
          log.error(
            { board: boardId, err: error instanceof Error ? error.message : error },
            'could not mark a thread read',
          ),
        );
    }
  }

  async onDisconnect({ documentName, context }: onDisconnectPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    const visitorId = (context as VisitorContext).visitorId;
    if (kind !== 'comments' || !visitorId) return;
    await this.store
      .touchVisit(boardId, visitorId, this.now())
      .catch((error: unknown) =>
        log.error(
          { board: boardId, err: error instanceof Error ? error.message : error },
          'could not record when a person left',
        ),
      );
  }
}
