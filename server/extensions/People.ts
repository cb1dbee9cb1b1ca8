import type {
  Connection,
  connectedPayload,
  Document,
  Extension,
  onConfigurePayload,
  onStatelessPayload,
} from '@hocuspocus/server';
import {
  admissionMessageSchema,
  PEOPLE,
  removePersonMessageSchema,
  type PeopleRefusedMessage,
} from '../../shared/protocol/people.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { personOf, roleOfConnection } from '../access/AccessContext.ts';
import { parseClientMessage } from '../live/clientMessages.ts';
import type { BoardPeople } from '../people/BoardPeople.ts';
import { log } from '../observability/log.ts';

export interface PeopleConfiguration {
  people: BoardPeople;
  /** The display name in a connection's own presence (PresenceGuard), for the notice. */
  nameOf: (document: Document, connection: Connection) => string | null;
}

/**
 * `people:remove` from a facilitator's board connection (RoleAccess has checked the role):
 * removes the person (server/people/BoardPeople.ts). The display name in the message is only for
 * the notice; the id is what is removed.
 */
export class People implements Extension {
  extensionName = 'People';
  private readonly people: BoardPeople;
  private readonly nameOf: PeopleConfiguration['nameOf'];

  constructor(configuration: PeopleConfiguration) {
    this.people = configuration.people;
    this.nameOf = configuration.nameOf;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.people.attach(instance);
  }

  /** A facilitator arriving sees the lobby at once. */
  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board' || roleOfConnection(connection) !== 'facilitator') return;
    await this.people
      .sendLobby(boardId, connection)
      .catch((error: unknown) => log.error({ board: boardId, err: error }, 'could not send the lobby'));
  }

  async onStateless({ connection, document, documentName, payload }: onStatelessPayload): Promise<void> {
    if (!payload.includes('"people:')) return;
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    if (!payload.includes(`"${PEOPLE.remove}"`)) return this.admission(connection, boardId, payload);
    const parsed = parseClientMessage(removePersonMessageSchema, payload);
    if (!parsed.ok)
      return refuse(connection, { type: PEOPLE.refused, code: 'invalid-message', message: parsed.refusal.message });
    const me = personOf(connection);
    if (roleOfConnection(connection) !== 'facilitator' || !me)
      return refuse(connection, {
        type: PEOPLE.refused,
        code: 'not-allowed',
        message: 'Only a facilitator removes people.',
      });
    if (parsed.message.personId === me.id)
      return refuse(connection, { type: PEOPLE.refused, code: 'not-allowed', message: 'You cannot remove yourself.' });
    try {
      await this.people.remove(boardId, parsed.message.personId, parsed.message.name, {
        id: me.id,
        name: this.nameOf(document, connection) ?? 'The facilitator',
      });
    } catch (error) {
      log.error({ board: boardId, err: error }, 'could not remove a person');
      refuse(connection, {
        type: PEOPLE.refused,
        code: 'storage-failed',
        message: 'The server could not record that; nobody was removed. Try again.',
      });
    }
  }

  private async admission(connection: Connection, boardId: string, payload: string): Promise<void> {
    const parsed = parseClientMessage(admissionMessageSchema, payload);
    if (!parsed.ok)
      return refuse(connection, { type: PEOPLE.refused, code: 'invalid-message', message: parsed.refusal.message });
    if (roleOfConnection(connection) !== 'facilitator')
      return refuse(connection, {
        type: PEOPLE.refused,
        code: 'not-allowed',
        message: 'Only a facilitator lets people in.',
      });
    const message = parsed.message;
    try {
      if (message.type === PEOPLE.admission) await this.people.setAdmission(boardId, message.on);
      else if (message.type === PEOPLE.admit) await this.people.admit(boardId, message.personId);
      else await this.people.deny(boardId, message.personId);
    } catch (error) {
      log.error({ board: boardId, err: error }, `${message.type} failed`);
      refuse(connection, {
        type: PEOPLE.refused,
        code: 'storage-failed',
        message: 'The server could not record that; nothing changed. Try again.',
      });
    }
  }
}

function refuse(connection: Connection, message: PeopleRefusedMessage): void {
  connection.sendStateless(JSON.stringify(message));
}
