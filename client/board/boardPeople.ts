import { parseLobby, parsePersonRemoved, PEOPLE, type LobbyMessage } from '../../shared/index.ts';
import type { BoardConnection } from '../sync/connectBoard.ts';
import { Store } from './store.ts';

export interface LobbyState {
  /** Known to facilitators only (the server sends the lobby to them); false for everyone else. */
  readonly admission: boolean;
  readonly waiting: LobbyMessage['waiting'];
}

/**
 * Who takes part: a facilitator removes a person, turns admission on and lets waiting people in
 * or turns them away; everyone hears who was removed. The server decides and enforces
 * (server/people/); this only sends intents and shows what it says.
 */
export class BoardPeople {
  readonly lobby = new Store<LobbyState>({ admission: false, waiting: [] });
  private readonly connection: Pick<BoardConnection, 'onMessage' | 'send'>;
  private readonly stop: () => void;

  constructor(
    connection: Pick<BoardConnection, 'onMessage' | 'send'>,
    tell: (message: string, tone: 'info' | 'error') => void,
  ) {
    this.connection = connection;
    this.stop = connection.onMessage((message) => {
      const lobby = parseLobby(message);
      if (lobby) return this.lobby.update({ admission: lobby.admission, waiting: lobby.waiting });
      const removed = parsePersonRemoved(message);
      if (removed) {
        const dots =
          removed.dotsVoided > 0
            ? ` Their ${removed.dotsVoided === 1 ? 'dot' : `${removed.dotsVoided} dots`} in this round no longer count.`
            : '';
        return tell(`${removed.byName} removed ${removed.name} from the board.${dots}`, 'info');
      }
      const refused = message as { type?: unknown; message?: unknown } | null;
      if (refused?.type === PEOPLE.refused && typeof refused.message === 'string') tell(refused.message, 'error');
    });
  }

  remove(personId: string, name: string): void {
    this.send({ type: PEOPLE.remove, personId, name });
  }

  setAdmission(on: boolean): void {
    this.lobby.update({ admission: on });
    this.send({ type: PEOPLE.admission, on });
  }

  admit(personId: string): void {
    this.send({ type: PEOPLE.admit, personId });
  }

  turnAway(personId: string): void {
    this.send({ type: PEOPLE.deny, personId });
  }

  destroy(): void {
    this.stop();
  }

  private send(message: { type: string } & Record<string, unknown>): void {
    this.connection.send(message as { type: string });
  }
}
