import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { z } from 'zod';
import { RemovedFromBoard } from '../../shared/protocol/closeReasons.ts';
import { PEOPLE, type PersonRemovedMessage } from '../../shared/protocol/people.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { personOf } from '../access/AccessContext.ts';
import type { IdentityStore } from '../identity/IdentityStore.ts';
import type { BoardEvents } from '../scaleout/ClusterEvents.ts';
import { log } from '../observability/log.ts';

export interface BoardPeopleOptions {
  readonly store: Pick<IdentityStore, 'removeFromBoard' | 'isRemovedFromBoard'>;
  /** Voids the person's ballot in the open round; resolves with the dots it held. */
  readonly voidBallot: (boardId: string, personId: string) => Promise<number>;
  /** Discards the person's private drafts; resolves with how many. */
  readonly discardDrafts: (boardId: string, personId: string) => Promise<number>;
  readonly cluster?: BoardEvents;
  readonly now?: () => number;
}

const TOPIC = 'person-removed';
const removedEvent = z.object({ type: z.literal(PEOPLE.removed), personId: z.string(), name: z.string(), byName: z.string(), dotsVoided: z.number(), draftsDiscarded: z.number() });

/**
 * Who may be on a board. A facilitator removes a person: from then on RoleAccess refuses that
 * person's connections to the board (`removed-from-board`), the open ones are closed on every
 * instance, their ballot in an open round stops counting and their private drafts are discarded.
 * It is per board: the person's identity, and their other boards, are untouched.
 */
export class BoardPeople {
  private readonly options: BoardPeopleOptions;
  private readonly now: () => number;
  private instance: Hocuspocus | null = null;

  constructor(options: BoardPeopleOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    options.cluster?.onBoardEvent(TOPIC, (boardId, data) => {
      const parsed = removedEvent.safeParse(data);
      if (parsed.success) this.disconnect(boardId, parsed.data);
    });
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  isRemoved(boardId: string, personId: string): Promise<boolean> {
    return this.options.store.isRemovedFromBoard(boardId, personId);
  }

  async remove(boardId: string, personId: string, name: string, by: { readonly id: string; readonly name: string }): Promise<PersonRemovedMessage> {
    await this.options.store.removeFromBoard(boardId, personId, this.now(), by.id);
    const [dotsVoided, draftsDiscarded] = await Promise.all([this.options.voidBallot(boardId, personId), this.options.discardDrafts(boardId, personId)]);
    const notice: PersonRemovedMessage = { type: PEOPLE.removed, personId, name, byName: by.name, dotsVoided, draftsDiscarded };
    log.info({ board: boardId, dotsVoided, draftsDiscarded }, 'a facilitator removed a person from the board');
    this.disconnect(boardId, notice);
    this.options.cluster?.publishBoardEvent(TOPIC, boardId, notice);
    return notice;
  }

  /** Tells this instance's connections of the board, and closes the removed person's. */
  private disconnect(boardId: string, notice: PersonRemovedMessage): void {
    if (!this.instance) return;
    const message = JSON.stringify(notice);
    const theirs: Connection[] = [];
    for (const [name, document] of this.instance.documents) {
      const { boardId: id, kind } = parseDocumentName(name);
      if (id !== boardId) continue;
      for (const connection of document.getConnections()) {
        if (personOf(connection)?.id === notice.personId) theirs.push(connection);
        else if (kind === 'board') connection.sendStateless(message);
      }
    }
    for (const connection of theirs) connection.close(RemovedFromBoard);
  }
}
