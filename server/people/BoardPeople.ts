import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { z } from 'zod';
import { RemovedFromBoard } from '../../shared/protocol/closeReasons.ts';
import { PEOPLE, type LobbyMessage, type PersonRemovedMessage } from '../../shared/protocol/people.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { personOf, roleOfConnection } from '../access/AccessContext.ts';
import type { BoardPeopleRepository } from './BoardPeopleRepository.ts';
import type { BoardEvents } from '../scaleout/ClusterEvents.ts';
import { log } from '../observability/log.ts';

export interface BoardPeopleOptions {
  readonly store: BoardPeopleRepository;
  /** Voids the person's ballot in the open round; resolves with the dots it held. */
  readonly voidBallot: (boardId: string, personId: string) => Promise<number>;
  /** Discards the person's private drafts; resolves with how many. */
  readonly discardDrafts: (boardId: string, personId: string) => Promise<number>;
  readonly cluster?: BoardEvents;
  readonly now?: () => number;
}

const TOPIC = 'person-removed';
const LOBBY_TOPIC = 'lobby';
const lobbyEvent = z.object({ kind: z.enum(['changed', 'admit-present']) });
const removedEvent = z.object({
  type: z.literal(PEOPLE.removed),
  personId: z.string(),
  name: z.string(),
  byName: z.string(),
  dotsVoided: z.number(),
  draftsDiscarded: z.number(),
});

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
    options.cluster?.onBoardEvent(LOBBY_TOPIC, (boardId, data) => {
      const parsed = lobbyEvent.safeParse(data);
      if (!parsed.success) return;
      const admitted =
        parsed.data.kind === 'admit-present'
          ? this.options.store.admit(boardId, this.presentHere(boardId), this.now())
          : Promise.resolve();
      void admitted
        .then(() => this.sendLobby(boardId))
        .catch((error: unknown) => log.error({ board: boardId, err: error }, 'could not update the lobby'));
    });
    options.cluster?.onReconnect(() => void this.recheckHere());
  }

  /**
   * After Redis was away: a removal or a lobby change made on another instance meanwhile was
   * announced to nobody here. Close the connections of people removed since, and re-send the lobby.
   */
  private async recheckHere(): Promise<void> {
    const boards = new Map<string, Connection[]>();
    for (const [name, document] of this.instance?.documents ?? []) {
      const { boardId } = parseDocumentName(name);
      boards.set(boardId, [...(boards.get(boardId) ?? []), ...document.getConnections()]);
    }
    for (const [boardId, connections] of boards) {
      try {
        for (const connection of connections) {
          const id = personOf(connection)?.id;
          if (id && (await this.options.store.isRemovedFromBoard(boardId, id))) connection.close(RemovedFromBoard);
        }
        await this.sendLobby(boardId);
      } catch (error) {
        log.error({ board: boardId, err: error }, 'could not re-check the people of a board after Redis came back');
      }
    }
  }

  // ---- admission: with it on, newcomers wait in the lobby until a facilitator lets them in ----

  /** Whether this person must wait: admission is on, they are no facilitator and nobody let them in. */
  async mustWait(boardId: string, personId: string, role: string): Promise<boolean> {
    if (role === 'facilitator' || !(await this.options.store.admissionOn(boardId))) return false;
    return !(await this.options.store.isAdmitted(boardId, personId));
  }

  /** A waiting person asks (again) to come in; the facilitators see them. */
  async knock(boardId: string, personId: string, name: string): Promise<void> {
    const before = await this.options.store.lobby(boardId);
    await this.options.store.knock(boardId, personId, name, this.now());
    if (!before.some((w) => w.personId === personId && w.name === name)) await this.lobbyChanged(boardId);
  }

  /** Turning admission on lets in everyone on the board now (on every instance): only newcomers wait. */
  async setAdmission(boardId: string, on: boolean): Promise<void> {
    if (on) await this.options.store.admit(boardId, this.presentHere(boardId), this.now());
    await this.options.store.setAdmission(boardId, on, this.now());
    if (on) this.options.cluster?.publishBoardEvent(LOBBY_TOPIC, boardId, { kind: 'admit-present' });
    await this.lobbyChanged(boardId, !on);
  }

  async admit(boardId: string, personId: string): Promise<void> {
    await this.options.store.admit(boardId, [personId], this.now());
    await this.lobbyChanged(boardId);
  }

  /** Turns a waiting person away; they stay out until a facilitator admits them (they may knock again). */
  async deny(boardId: string, personId: string): Promise<void> {
    if (await this.options.store.leaveLobby(boardId, personId)) await this.lobbyChanged(boardId);
  }

  /** The lobby as facilitators see it, to this instance's facilitator connections of the board (or one). */
  async sendLobby(boardId: string, to?: Connection): Promise<void> {
    const [admission, waiting] = await Promise.all([
      this.options.store.admissionOn(boardId),
      this.options.store.lobby(boardId),
    ]);
    const message = JSON.stringify({
      type: PEOPLE.lobby,
      admission,
      waiting: admission ? waiting : [],
    } satisfies LobbyMessage);
    const targets = to
      ? [to]
      : (this.instance?.documents.get(boardId)?.getConnections() ?? []).filter(
          (c) => roleOfConnection(c) === 'facilitator',
        );
    for (const c of targets) c.sendStateless(message);
  }

  private async lobbyChanged(boardId: string, tellOthers = true): Promise<void> {
    await this.sendLobby(boardId);
    if (tellOthers) this.options.cluster?.publishBoardEvent(LOBBY_TOPIC, boardId, { kind: 'changed' });
  }

  /** The proven people with a connection to the board on this instance. */
  private presentHere(boardId: string): string[] {
    const ids = new Set<string>();
    for (const [name, document] of this.instance?.documents ?? []) {
      if (parseDocumentName(name).boardId !== boardId) continue;
      for (const c of document.getConnections()) {
        const id = personOf(c)?.id;
        if (id) ids.add(id);
      }
    }
    return [...ids];
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  isRemoved(boardId: string, personId: string): Promise<boolean> {
    return this.options.store.isRemovedFromBoard(boardId, personId);
  }

  async remove(
    boardId: string,
    personId: string,
    name: string,
    by: { readonly id: string; readonly name: string },
  ): Promise<PersonRemovedMessage> {
    await this.options.store.removeFromBoard(boardId, personId, this.now(), by.id);
    const [dotsVoided, draftsDiscarded] = await Promise.all([
      this.options.voidBallot(boardId, personId),
      this.options.discardDrafts(boardId, personId),
    ]);
    const notice: PersonRemovedMessage = {
      type: PEOPLE.removed,
      personId,
      name,
      byName: by.name,
      dotsVoided,
      draftsDiscarded,
    };
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
