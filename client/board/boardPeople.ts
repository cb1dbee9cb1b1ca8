import { parsePersonRemoved, PEOPLE } from '../../shared/index.ts';
import type { BoardConnection } from '../sync/connectBoard.ts';

/**
 * A facilitator removes a person from the board; everyone hears who was removed (and, during a
 * round, that their dots no longer count). The server decides and enforces (server/people/).
 */
export class BoardPeople {
  private readonly connection: Pick<BoardConnection, 'onMessage' | 'send'>;
  private readonly stop: () => void;

  constructor(connection: Pick<BoardConnection, 'onMessage' | 'send'>, tell: (message: string, tone: 'info' | 'error') => void) {
    this.connection = connection;
    this.stop = connection.onMessage((message) => {
      const removed = parsePersonRemoved(message);
      if (removed) {
        const dots = removed.dotsVoided > 0 ? ` Their ${removed.dotsVoided === 1 ? 'dot' : `${removed.dotsVoided} dots`} in this round no longer count.` : '';
        tell(`${removed.byName} removed ${removed.name} from the board.${dots}`, 'info');
        return;
      }
      const refused = message as { type?: unknown; message?: unknown } | null;
      if (refused?.type === PEOPLE.refused && typeof refused.message === 'string') tell(refused.message, 'error');
    });
  }

  remove(personId: string, name: string): void {
    this.connection.send({ type: PEOPLE.remove, personId, name } as { type: string });
  }

  destroy(): void {
    this.stop();
  }
}
